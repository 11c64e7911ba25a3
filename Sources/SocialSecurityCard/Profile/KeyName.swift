/// A key the card holds, by the role the specification gives it (for example `UK-SSSE`).
///
/// Names, not numbers, travel through the code: the key's number on the card (P2 of EXTERNAL
/// AUTHENTICATE, the PSAM's key index) varies by region and lives in the profile's ``KeyReference``.
public struct KeyName: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// Update key of the SSSE directory: writes EF05 to EF08.
    public static let updateSSSE: KeyName = "UK-SSSE"
    /// Read key of the SSSE directory: 3.0 cards ask for it before EF06.
    public static let readSSSE: KeyName = "RK-SSSE"
    /// Internal authentication key: the card proves it is genuine.
    public static let internalAuthentication: KeyName = "IAK-SSSE"
    /// PIN unblock key: MAC of PIN UNBLOCK.
    public static let pinUnblock: KeyName = "PUK-SSSE"
    /// PIN reload key: encrypts and MACs PIN RELOAD.
    public static let pinReload: KeyName = "RPK-SSSE"
    /// Application maintenance key: application and card block.
    public static let maintenance: KeyName = "AMK-SSSE"
}

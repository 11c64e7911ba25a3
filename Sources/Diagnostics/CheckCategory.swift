/// The part of the terminal a check looks at; the human report groups checks by it.
///
/// A struct over a string rather than an enum, so a module that brings its own checks (printing,
/// the local store, the link to the centre) adds its category next to them without touching this one.
public struct CheckCategory: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// pcscd, the readers, the card and the PSAM in them.
    public static let readers = Self(rawValue: "readers")
    /// Whether this user and the service's group may use the devices.
    public static let permissions = Self(rawValue: "permissions")
    /// cupsd, its queues, the printers behind them.
    public static let printers = Self(rawValue: "printers")
    /// The terminal service, its local cache, and the link to the centre.
    public static let service = Self(rawValue: "service")
}

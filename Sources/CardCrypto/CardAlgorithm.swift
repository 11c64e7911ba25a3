/// The card's algorithm, as the SSSE directory's FCI announces it in tag `86`.
///
/// A struct over the raw byte rather than an enum: a card may announce a value this code does not
/// know, and the caller still has to be able to name it, report it and register a cipher for it.
public struct CardAlgorithm: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// `01`: DES and 3DES (8-byte blocks; single-, double- or triple-length keys).
    public static let des = Self(rawValue: 0x01)
    /// `02`: SSF33, a state cipher with 16-byte blocks and no public description.
    public static let ssf33 = Self(rawValue: 0x02)
    /// `03`: SM4 (GB/T 32907), 16-byte blocks and keys.
    public static let sm4 = Self(rawValue: 0x03)

    public var description: String {
        switch self {
        case .des: "DES/3DES"
        case .ssf33: "SSF33"
        case .sm4: "SM4"
        default: "algorithm \(rawValue < 0x10 ? "0" : "")\(String(rawValue, radix: 16, uppercase: true))"
        }
    }
}

/// The card identifier (卡识别码, item 01), 16 bytes: the issuing region's 6-digit code in BCD (3
/// bytes), the issuer mark `D156000005` (5 bytes), a serial (4 bytes) and an authentication code
/// (4 bytes).
///
/// It feeds key diversification and identifies the chip. The table calls it `cn`, but public
/// traces show hex digits A-F in the serial, so serial and authentication code stay raw bytes.
public struct CardIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// The mark every social security card carries after the region code.
    public static let issuerMark: [UInt8] = [0xD1, 0x56, 0x00, 0x00, 0x05]

    /// The 16 bytes of item 01.
    public let bytes: [UInt8]
    /// GB/T 2260 code of the issuing city, such as "430100".
    public let regionCode: String

    /// Reads item 01's 16 bytes.
    public init(bytes: some Collection<UInt8>) throws(CardDataError) {
        let bytes = Array(bytes)
        guard bytes.count == 16 else { throw .cardIdentifierLength(bytes.count) }
        guard let region = try? BCD.decode(bytes[0..<3]), region.count == 6 else { throw .cardIdentifierRegion }
        guard bytes[3..<8].elementsEqual(Self.issuerMark) else { throw .cardIdentifierMarker }
        self.bytes = bytes
        regionCode = region
    }

    /// Builds item 01 for a card being personalised (or simulated).
    public init(regionCode: String, serial: [UInt8], authenticationCode: [UInt8]) throws(CardDataError) {
        guard regionCode.utf8.count == 6, let region = try? BCD.encode(regionCode, byteCount: 3) else {
            throw .cardIdentifierRegion
        }
        try self.init(bytes: region + Self.issuerMark + serial + authenticationCode)
    }

    /// Bytes 9-12.
    public var serial: [UInt8] { Array(bytes[8..<12]) }

    /// Bytes 13-16.
    public var authenticationCode: [UInt8] { Array(bytes[12..<16]) }

    /// `430100 D156000005 serial authentication-code`, in hex.
    public var description: String {
        "\(regionCode) \(Self.issuerMark.hexDigits) \(serial.hexDigits) \(authenticationCode.hexDigits)"
    }
}

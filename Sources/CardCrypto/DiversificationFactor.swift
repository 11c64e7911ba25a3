/// An 8-byte key diversification factor (分散因子): public data, such as a region code or part of
/// the card identifier, from which a card's own keys are derived from a master key.
///
/// Keys are diversified level by level (national root, region, card); see
/// ``CardCryptography/diversify(_:factors:)``. Regions differ in their factors, so the helpers
/// below cover the documented layouts and ``init(bytes:)`` covers the rest.
public struct DiversificationFactor: Hashable, Sendable {
    /// The factor's 8 bytes.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) throws(CardCryptoError) {
        guard bytes.count == 8 else {
            throw .invalidInputLength("diversification factor", byteCount: bytes.count, expected: "8 bytes")
        }
        self.bytes = bytes
    }

    /// The second-level (region) factor: the ASCII digits of the six-digit GB/T 2260 region code
    /// followed by `suffix`, `"sx"` by default (e.g. `"330100sx"`).
    ///
    /// A Zhejiang variant of this factor exists *(unverified: its layout is not in the public
    /// sources)*; give it as another `suffix` or through ``init(bytes:)``.
    public static func region(_ code: String, suffix: String = "sx") throws(CardCryptoError) -> Self {
        guard code.utf8.count == 6, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw .invalidFactor("a region code is six ASCII digits (GB/T 2260), not \"\(code)\"")
        }
        guard suffix.utf8.allSatisfy({ $0 < 0x80 }), code.utf8.count + suffix.utf8.count == 8 else {
            throw .invalidFactor("region code and suffix must make 8 ASCII characters")
        }
        return try Self(bytes: Array(code.utf8) + Array(suffix.utf8))
    }

    /// The card-level factor from the 16-byte card identifier (卡识别码, tag `01`): its rightmost
    /// 8 bytes, the card serial and authentication code.
    ///
    /// *(Unverified)*: the public sources name the card identifier as the card-level factor but
    /// not which 8 bytes; the rightmost 8 are the part unique to the card (the leftmost 8, city
    /// code and `D156000005`, are shared by a whole city), as PBOC takes the rightmost PAN digits.
    public static func cardIdentifier(_ identifier: [UInt8]) throws(CardCryptoError) -> Self {
        guard identifier.count == 16 else {
            throw .invalidInputLength("card identifier", byteCount: identifier.count, expected: "16 bytes")
        }
        return try Self(bytes: Array(identifier.suffix(8)))
    }
}

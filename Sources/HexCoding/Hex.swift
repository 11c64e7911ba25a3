extension Array where Element == UInt8 {
    /// Parses hex such as `"00 A4 04 00"` or `"00a40400"`; spaces, colons and newlines are ignored.
    /// Returns nil for an odd number of digits or a character that is not a hex digit.
    public init?(hex: String) {
        var bytes: [UInt8] = []
        var high: UInt8?
        for scalar in hex.unicodeScalars {
            if scalar == " " || scalar == ":" || scalar == "\n" || scalar == "\r" || scalar == "\t" { continue }
            guard let nibble = UInt8(String(scalar), radix: 16) else { return nil }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        guard high == nil else { return nil }
        self = bytes
    }
}

extension Sequence where Element == UInt8 {
    /// Upper-case hex with a space between bytes, as APDU traces are usually written.
    public var hexString: String { hex(separator: " ") }

    /// Upper-case hex with nothing between bytes: file names, digests, tokens, JSON fields.
    public var compactHexString: String { hex(separator: "") }

    private func hex(separator: String) -> String {
        map { byte in
            let s = String(byte, radix: 16, uppercase: true)
            return byte < 0x10 ? "0" + s : s
        }.joined(separator: separator)
    }
}

/// The card's `an` format: bytes as they are, the field filled up on the right with 00.
///
/// Names are `an` too but GBK; see ``GBK`` and ``CardNameItems``. The ASCII helpers serve the
/// items that are plain text: card type, spec version, card number, ID number, sex.
public enum Alphanumeric {
    /// `value` padded with 00 to exactly `byteCount` bytes.
    public static func encode(_ value: some Collection<UInt8>, byteCount: Int) throws(CardDataError) -> [UInt8] {
        guard value.count <= byteCount else { throw .valueTooLong(count: value.count, byteCount: byteCount) }
        return Array(value) + Array(repeating: 0, count: byteCount - value.count)
    }

    /// Printable ASCII text padded with 00 to exactly `byteCount` bytes.
    public static func encode(ascii text: String, byteCount: Int) throws(CardDataError) -> [UInt8] {
        let bytes = Array(text.utf8)
        try checkPrintableASCII(bytes)
        return try encode(bytes, byteCount: byteCount)
    }

    /// The value without its trailing 00 padding.
    public static func decode(_ bytes: some BidirectionalCollection<UInt8>) -> [UInt8] {
        Array(withoutPadding(bytes))
    }

    /// The printable ASCII text before the 00 padding.
    public static func decodeASCII(_ bytes: some BidirectionalCollection<UInt8>) throws(CardDataError) -> String {
        let text = withoutPadding(bytes)
        try checkPrintableASCII(text)
        return String(decoding: text, as: UTF8.self)
    }

    /// `bytes` up to where its trailing 00s begin, without a copy.
    private static func withoutPadding<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bytes.SubSequence {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == 0 { end = bytes.index(before: end) }
        return bytes[..<end]
    }

    private static func checkPrintableASCII(_ bytes: some Collection<UInt8>) throws(CardDataError) {
        // Every byte before the first offender is ASCII, so its position is its character's.
        if let position = bytes.enumerated().first(where: { !(0x20...0x7E).contains($0.element) })?.offset {
            throw .notPrintableASCII(position: position + 1)
        }
    }
}

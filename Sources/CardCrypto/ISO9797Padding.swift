/// ISO/IEC 9797-1 padding method 2 (the ISO 7816-4 `80 00..` padding) used by the card's MACs
/// and encrypted data.
public enum ISO9797Padding {
    /// Appends `80` and then `00` up to a whole number of blocks; always adds at least one byte,
    /// so data that already fills its blocks gains a whole block `80 00..`.
    public static func pad(_ data: [UInt8], blockSize: Int) -> [UInt8] {
        var padded = data
        padded.append(0x80)
        let remainder = padded.count % blockSize
        if remainder != 0 {
            padded += repeatElement(0, count: blockSize - remainder)
        }
        return padded
    }

    /// Removes the padding ``pad(_:blockSize:)`` added, and refuses anything it would not have
    /// produced: a length that is not whole blocks, no `80` marker, a non-zero byte after it, or
    /// a whole block or more of zeros.
    public static func unpad(_ data: [UInt8], blockSize: Int) throws(CardCryptoError) -> [UInt8] {
        guard !data.isEmpty, data.count % blockSize == 0 else { throw .invalidPadding }
        guard let marker = data.lastIndex(where: { $0 != 0 }), data[marker] == 0x80,
            data.count - marker <= blockSize
        else { throw .invalidPadding }
        return Array(data[..<marker])
    }
}

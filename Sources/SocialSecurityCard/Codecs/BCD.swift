/// The card's `cn` format: decimal digits packed two to a byte, high nibble first, the field
/// filled up on the right with the nibble F.
///
/// Reading stops at the first F; anything but F after it, and any nibble A-E, is an error rather
/// than a guess, because a wrong digit in a date or code is worse than a refused card.
public enum BCD {
    /// Packs `digits` into exactly `byteCount` bytes, padding with F.
    public static func encode(_ digits: String, byteCount: Int) throws(CardDataError) -> [UInt8] {
        var nibbles: [UInt8] = []
        for (index, scalar) in digits.unicodeScalars.enumerated() {
            guard ("0"..."9").contains(scalar) else { throw .bcdNotDigits(position: index + 1) }
            nibbles.append(UInt8(scalar.value - 0x30))
        }
        guard nibbles.count <= byteCount * 2 else { throw .bcdTooLong(digits: nibbles.count, byteCount: byteCount) }
        nibbles += Array(repeating: 0xF, count: byteCount * 2 - nibbles.count)
        return stride(from: 0, to: nibbles.count, by: 2).map { nibbles[$0] << 4 | nibbles[$0 + 1] }
    }

    /// The digits before the F padding.
    public static func decode(_ bytes: some Collection<UInt8>) throws(CardDataError) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.count * 2)
        var padded = false
        var position = 0
        func take(_ nibble: UInt8) throws(CardDataError) {
            position += 1
            switch nibble {
            case 0xF:
                padded = true
            case 0xA...0xE:
                throw .bcdInvalidNibble(nibble, position: position)
            default:
                guard !padded else { throw .bcdDigitAfterPadding(position: position) }
                digits.append(0x30 + nibble)
            }
        }
        for byte in bytes {
            try take(byte >> 4)
            try take(byte & 0xF)
        }
        return String(decoding: digits, as: UTF8.self)
    }
}

/// One data item of a card record: a one-byte tag, a length, the value.
///
/// The card's record tables give every item a one-byte tag and a one-byte length, and no
/// standard item is longer than 30 bytes, so in practice the length is a single byte below 80.
/// For longer items (local extensions) the ISO 7816-4 BER form `81 LL` is read and written for
/// 128-255 bytes; a lone length byte of 80 or more is refused because BER reserves it, and that
/// makes a misread record fail loudly instead of swallowing the items after it.
public struct TLV: Hashable, Sendable {
    public var tag: UInt8
    public var value: [UInt8]

    public init(tag: UInt8, value: [UInt8]) {
        self.tag = tag
        self.value = value
    }

    /// Tag, length and value as they go into a record.
    public func encoded() throws(CardDataError) -> [UInt8] {
        switch value.count {
        case 0..<0x80: [tag, UInt8(value.count)] + value
        case 0x80...0xFF: [tag, 0x81, UInt8(value.count)] + value
        default: throw .itemTooLong(tag: tag, length: value.count)
        }
    }

    /// Several items one after another, as one record.
    public static func encode(_ items: [TLV]) throws(CardDataError) -> [UInt8] {
        var record: [UInt8] = []
        for item in items { record += try item.encoded() }
        return record
    }

    /// The items of a record, in order; any byte that is not part of a whole item is an error.
    public static func parse(record: some Collection<UInt8>) throws(CardDataError) -> [TLV] {
        let bytes = Array(record)
        return try values(in: bytes).map { TLV(tag: $0.tag, value: Array(bytes[$0.value])) }
    }

    /// Where each item's value lies in `bytes`, in order: what ``parse(record:)`` reads, without a
    /// copy of each value, for a reader that keeps only some of them.
    static func values(in bytes: [UInt8]) throws(CardDataError) -> [(tag: UInt8, value: Range<Int>)] {
        var items: [(tag: UInt8, value: Range<Int>)] = []
        var offset = 0
        while offset < bytes.count {
            guard offset + 1 < bytes.count else { throw .recordTruncated(offset: offset) }
            let tag = bytes[offset]
            var length = Int(bytes[offset + 1])
            var valueStart = offset + 2
            switch length {
            case 0..<0x80:
                break
            case 0x81:
                guard valueStart < bytes.count else { throw .recordTruncated(offset: offset) }
                length = Int(bytes[valueStart])
                valueStart += 1
            default:
                throw .unsupportedLengthForm(tag: tag, lengthByte: UInt8(length))
            }
            let available = bytes.count - valueStart
            guard length <= available else {
                throw .recordLengthOverrun(tag: tag, length: length, available: available)
            }
            items.append((tag, valueStart..<valueStart + length))
            offset = valueStart + length
        }
        return items
    }
}

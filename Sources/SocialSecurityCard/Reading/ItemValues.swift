/// The values of one file's data items, by tag, and their conversion to and from the card's bytes
/// according to each item's format and length in the profile.
struct ItemValues {
    private let items: RecordItems
    /// What the profile names in the file the items were read from: where every value of this
    /// read is, whatever other files the profile has.
    private let named: [DataItem]

    init(_ items: RecordItems, file: FileProfile?) {
        self.items = items
        named = file?.dataItems ?? []
    }

    /// The profile's item for `field` in this file, nil when the file does not name it.
    private func item(_ field: DataItem.Field) -> DataItem? {
        named.first { $0.field == field }
    }

    /// The raw value of `field`, nil when the card does not hold it.
    func bytes(_ field: DataItem.Field) throws(SocialSecurityCardError) -> ArraySlice<UInt8>? {
        guard let item = item(field) else { throw .recordNotFound(field.rawValue) }
        return items[tag: item.tag]
    }

    /// The value of `field`, which the card must hold.
    func required(_ field: DataItem.Field) throws(SocialSecurityCardError) -> ArraySlice<UInt8> {
        guard let item = item(field) else { throw .recordNotFound(field.rawValue) }
        guard let value = items[tag: item.tag] else { throw .recordNotFound(item.name) }
        return value
    }

    /// The value of `field`, or nil when the profile does not name it or the card does not hold it:
    /// items a read can do without.
    func optional(_ field: DataItem.Field) -> ArraySlice<UInt8>? {
        item(field).flatMap { items[tag: $0.tag] }
    }

    /// The digits of a `cn` item.
    func digits(_ field: DataItem.Field) throws(SocialSecurityCardError) -> String {
        let bytes = try required(field)
        return try Self.decoding(field) { () throws(CardDataError) in try BCD.decode(bytes) }
    }

    /// The text of an ASCII `an` item, without the spaces some cards pad with before the 00s.
    func text(_ field: DataItem.Field) throws(SocialSecurityCardError) -> String {
        try Self.text(field, try required(field))
    }

    static func text(_ field: DataItem.Field, _ bytes: ArraySlice<UInt8>) throws(SocialSecurityCardError) -> String {
        let text = try decoding(field) { () throws(CardDataError) in try Alphanumeric.decodeASCII(bytes) }
        // ASCII: each byte is a character, so the text is cut where its last non-space byte ends.
        let utf8 = text.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        return String(text[..<end])
    }

    /// Items of `fields` whose text ends in spaces before the 00 padding: read, but not as written.
    func spacePadded(_ fields: [DataItem.Field]) -> [String] {
        fields.compactMap { field in
            guard let item = item(field), let bytes = items[tag: item.tag], bytes.last(where: { $0 != 0 }) == 0x20
            else { return nil }
            return "the card's \(item.name) ends in spaces, which were ignored"
        }
    }

    /// The date of a 4-byte `cn` item.
    func date(_ field: DataItem.Field) throws(SocialSecurityCardError) -> CardDate {
        try Self.date(field, try required(field))
    }

    static func date(_ field: DataItem.Field, _ bytes: ArraySlice<UInt8>) throws(SocialSecurityCardError) -> CardDate {
        try decoding(field) { () throws(CardDataError) in try CardDate(bcd: bytes) }
    }

    static func digits(_ field: DataItem.Field, _ bytes: ArraySlice<UInt8>) throws(SocialSecurityCardError) -> String {
        try decoding(field) { () throws(CardDataError) in try BCD.decode(bytes) }
    }

    /// Runs a decoder, naming the item in a card data error.
    static func decoding<T>(
        _ field: DataItem.Field,
        _ body: () throws(CardDataError) -> T
    ) throws(SocialSecurityCardError) -> T {
        do {
            return try body()
        } catch {
            throw .cardData("The card's \(field.rawValue) is not valid: \(error.message)")
        }
    }

    /// The TLV record of `field` holding `value`, padded to the item's length in its format.
    static func record(
        _ field: DataItem.Field,
        _ value: Value,
        profile: CardProfile
    ) throws(SocialSecurityCardError) -> FileRecord? {
        guard let (file, item) = profile.item(field) else { return nil }
        let bytes = try decoding(field) { () throws(CardDataError) -> [UInt8] in
            switch (value, item.format) {
            case (.digits(let digits), .cn): try BCD.encode(digits, byteCount: item.length)
            case (.text(let text), .an): try Alphanumeric.encode(ascii: text, byteCount: item.length)
            case (.bytes(let bytes), .an): try Alphanumeric.encode(bytes, byteCount: item.length)
            case (.bytes(let bytes), _): bytes
            case (.digits(let text), _), (.text(let text), _):
                try Alphanumeric.encode(ascii: text, byteCount: item.length)
            }
        }
        return FileRecord(fid: file.fid, record: TLV(tag: item.tag, value: bytes))
    }

    enum Value {
        case digits(String)
        case text(String)
        case bytes([UInt8])
    }
}

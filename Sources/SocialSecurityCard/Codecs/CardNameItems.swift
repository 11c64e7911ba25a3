/// A name as the card stores it: GBK in item 09 (30 bytes), continued in item 4E (20 bytes) on
/// 2.0 and 3.0 cards when it is longer, as long minority names often are.
///
/// The cut between the two items always falls between characters: a double-byte character that
/// would straddle byte 30 moves whole into item 4E, leaving item 09 one byte short.
public struct CardNameItems: Hashable, Sendable {
    /// Bytes in item 09.
    public static let nameCapacity = 30
    /// Bytes in item 4E.
    public static let extensionCapacity = 20

    /// The value of item 09, padded with 00 to 30 bytes.
    public let name: [UInt8]
    /// The value of item 4E, padded with 00 to 20 bytes (all 00 for a short name, which clears an
    /// older long name); nil for a card generation without item 4E.
    public let nameExtension: [UInt8]?

    /// Fits `fullName` into the items; `hasExtension` is false for 1.0 cards, which lack item 4E.
    public init(fitting fullName: String, hasExtension: Bool = true) throws(CardDataError) {
        let characters = try GBK.encodeCharacters(fullName)
        guard !characters.isEmpty else { throw .emptyName }
        var head: [UInt8] = []
        var rest = characters[...]
        while let next = rest.first, head.count + next.count <= Self.nameCapacity {
            head += next
            rest = rest.dropFirst()
        }
        let tail = rest.flatMap { $0 }
        let capacity = Self.nameCapacity + (hasExtension ? Self.extensionCapacity : 0)
        guard tail.isEmpty || (hasExtension && tail.count <= Self.extensionCapacity) else {
            // With item 4E, a byte left empty at the end of item 09 counts against the name too.
            let needed = (hasExtension ? Self.nameCapacity : head.count) + tail.count
            throw .nameTooLong(byteCount: needed, capacity: capacity)
        }
        name = try Alphanumeric.encode(head, byteCount: Self.nameCapacity)
        nameExtension = hasExtension ? try Alphanumeric.encode(tail, byteCount: Self.extensionCapacity) : nil
    }

    /// The items as read from a card; `nameExtension` is nil when the card has no item 4E.
    public init(name: [UInt8], nameExtension: [UInt8]?) {
        self.name = name
        self.nameExtension = nameExtension
    }

    /// The full name: item 09 then item 4E, each without its padding.
    public func fullName() throws(CardDataError) -> String {
        try GBK.decode(Alphanumeric.decode(name) + Alphanumeric.decode(nameExtension ?? []))
    }
}

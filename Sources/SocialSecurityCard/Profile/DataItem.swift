/// One data item of a record file: a tag, its format and its fixed length (规范 part 2).
public struct DataItem: Codable, Hashable, Sendable {
    /// The record's tag, which is also how a terminal addresses it (READ RECORD mode 000).
    public var tag: UInt8
    /// What the item means, as a stable identifier code can switch on.
    public var field: Field
    /// The name the specification gives it, shown to technicians.
    public var name: String
    public var format: DataFormat
    /// The value's length on the card, in bytes; values are padded to it.
    public var length: Int
    /// The generation that introduced the item; older cards do not carry it.
    public var since: CardGeneration

    public init(tag: UInt8, field: Field, name: String, format: DataFormat, length: Int, since: CardGeneration = .v1) {
        self.tag = tag
        self.field = field
        self.name = name
        self.format = format
        self.length = length
        self.since = since
    }

    /// The items a terminal knows the meaning of; a regional profile may add items with `.other`.
    public enum Field: String, Codable, Hashable, Sendable {
        case cardIdentifier, cardType, specVersion, initialisingBody, issueDate, expiryDate, cardNumber
        case socialSecurityNumber, name, nameExtension, sex, ethnicity, birthplace, birthDate
        case other
    }
}

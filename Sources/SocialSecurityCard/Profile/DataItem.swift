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

extension DataItem {
    private enum CodingKeys: String, CodingKey { case tag, field, name, format, length, since }

    /// The tag is hex in a profile file; an item the terminal has no meaning for is `other`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tag = try HexField.decodeUInt8(.tag, in: container)
        field = try container.decodeIfPresent(Field.self, forKey: .field) ?? .other
        name = try container.decode(String.self, forKey: .name)
        format = try container.decode(DataFormat.self, forKey: .format)
        length = try container.decode(Int.self, forKey: .length)
        since = try container.decodeIfPresent(CardGeneration.self, forKey: .since) ?? .v1
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(HexField.text(tag), forKey: .tag)
        try container.encode(field, forKey: .field)
        try container.encode(name, forKey: .name)
        try container.encode(format, forKey: .format)
        try container.encode(length, forKey: .length)
        try container.encode(since, forKey: .since)
    }
}

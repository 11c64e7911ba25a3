/// One piece of a flowing document: blocks stack down the page and break onto new pages, tables
/// between their rows with the header repeated.
///
/// In template JSON a block is an object with a `type` (`paragraph`, `fields`, `table`,
/// `verification`, `spacer`, `rule`) and that kind's properties.
public enum Block: Hashable, Sendable, Codable {
    case paragraph(Paragraph)
    case fields(FieldGrid)
    case table(Table)
    case verification(Verification)
    /// Empty space, in millimetres.
    case spacer(Double)
    /// A horizontal line across the text width.
    case rule(Rule)

    private enum CodingKeys: String, CodingKey {
        case type
        case height
    }

    private enum Kind: String, Codable {
        case paragraph, fields, table, verification, spacer, rule
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .type) {
        case .paragraph: self = .paragraph(try Paragraph(from: decoder))
        case .fields: self = .fields(try FieldGrid(from: decoder))
        case .table: self = .table(try Table(from: decoder))
        case .verification: self = .verification(try Verification(from: decoder))
        case .spacer: self = .spacer(try container.decode(Double.self, forKey: .height))
        case .rule: self = .rule(try Rule(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .paragraph(let paragraph):
            try container.encode(Kind.paragraph, forKey: .type)
            try paragraph.encode(to: encoder)
        case .fields(let grid):
            try container.encode(Kind.fields, forKey: .type)
            try grid.encode(to: encoder)
        case .table(let table):
            try container.encode(Kind.table, forKey: .type)
            try table.encode(to: encoder)
        case .verification(let verification):
            try container.encode(Kind.verification, forKey: .type)
            try verification.encode(to: encoder)
        case .spacer(let height):
            try container.encode(Kind.spacer, forKey: .type)
            try container.encode(height, forKey: .height)
        case .rule(let rule):
            try container.encode(Kind.rule, forKey: .type)
            try rule.encode(to: encoder)
        }
    }
}

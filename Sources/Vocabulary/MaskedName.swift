/// A person's name as an answer to someone who has not shown who they are may show it: the first
/// character and, for names of three or more, the last, the rest starred (`张*`, `欧**华`). Enough
/// for a resident to know the paper in their hand is theirs, not enough to learn whose it is.
public struct MaskedName: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The masked text.
    public let text: String

    public init(_ name: some StringProtocol) {
        var characters = Array(name.drop(while: \.isWhitespace))
        while characters.last?.isWhitespace == true { characters.removeLast() }
        switch characters.count {
        case 0, 1: text = String(repeating: "*", count: characters.count)
        case 2: text = String(characters[0]) + "*"
        default:
            text =
                String(characters[0]) + String(repeating: "*", count: characters.count - 2)
                + String(characters[characters.count - 1])
        }
    }

    public var description: String { text }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// Masks what it decodes, as ``MaskedIDNumber`` does; starred text stays as it is.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }
}

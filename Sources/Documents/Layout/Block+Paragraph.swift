extension Block {
    /// A text that wraps to the text width; `{key}` placeholders take the document's values.
    public struct Paragraph: Hashable, Sendable, Codable {
        public var text: String
        public var style: TextStyle
        /// Space above and below, in millimetres.
        public var spaceBefore: Double
        public var spaceAfter: Double
        /// Moves to the next page with the block after it rather than end a page alone (headings).
        public var keepWithNext: Bool

        public init(
            _ text: String, style: TextStyle, spaceBefore: Double = 0, spaceAfter: Double = 0,
            keepWithNext: Bool = false
        ) {
            self.text = text
            self.style = style
            self.spaceBefore = spaceBefore
            self.spaceAfter = spaceAfter
            self.keepWithNext = keepWithNext
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decode(String.self, forKey: .text)
            style = try container.decode(TextStyle.self, forKey: .style, default: TextStyle())
            spaceBefore = try container.decode(Double.self, forKey: .spaceBefore, default: 0)
            spaceAfter = try container.decode(Double.self, forKey: .spaceAfter, default: 0)
            keepWithNext = try container.decode(Bool.self, forKey: .keepWithNext, default: false)
        }
    }
}

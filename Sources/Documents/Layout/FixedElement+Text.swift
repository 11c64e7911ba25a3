extension FixedElement {
    /// A text in a box. A text too wide for its box first shrinks, down to `minimumSize`, then wraps,
    /// up to `maximumLines`; beyond that rendering fails with ``DocumentError/textDoesNotFit(_:)``:
    /// never clipped, never spilling over the next field.
    public struct Text: Hashable, Sendable, Codable {
        public var frame: Frame
        public var text: String
        public var style: TextStyle
        /// The smallest size the text may shrink to, in points; absent: it keeps its size.
        public var minimumSize: Double?
        public var maximumLines: Int
        public var verticalAlignment: VerticalAlignment
        public var preprinted: Bool

        public init(
            frame: Frame, text: String, style: TextStyle, minimumSize: Double? = nil, maximumLines: Int = 1,
            verticalAlignment: VerticalAlignment = .top, preprinted: Bool = false
        ) {
            self.frame = frame
            self.text = text
            self.style = style
            self.minimumSize = minimumSize
            self.maximumLines = maximumLines
            self.verticalAlignment = verticalAlignment
            self.preprinted = preprinted
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            frame = try container.decode(Frame.self, forKey: .frame)
            text = try container.decode(String.self, forKey: .text)
            style = try container.decode(TextStyle.self, forKey: .style, default: TextStyle())
            minimumSize = try container.decodeIfPresent(Double.self, forKey: .minimumSize)
            maximumLines = try container.decode(Int.self, forKey: .maximumLines, default: 1)
            verticalAlignment = try container.decode(VerticalAlignment.self, forKey: .verticalAlignment, default: .top)
            preprinted = try container.decode(Bool.self, forKey: .preprinted, default: false)
        }
    }
}

extension FixedElement {
    /// A rectangle, stroked or filled or both, with rounded corners if asked.
    public struct Box: Hashable, Sendable, Codable {
        public var frame: Frame
        public var stroke: Color?
        /// Stroke width in points.
        public var lineWidth: Double
        public var fill: Color?
        /// Corner radius in millimetres.
        public var cornerRadius: Double
        public var preprinted: Bool

        public init(
            frame: Frame, stroke: Color? = nil, lineWidth: Double = 0.5, fill: Color? = nil, cornerRadius: Double = 0,
            preprinted: Bool = false
        ) {
            self.frame = frame
            self.stroke = stroke
            self.lineWidth = lineWidth
            self.fill = fill
            self.cornerRadius = cornerRadius
            self.preprinted = preprinted
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            frame = try container.decode(Frame.self, forKey: .frame)
            stroke = try container.decodeIfPresent(Color.self, forKey: .stroke)
            lineWidth = try container.decode(Double.self, forKey: .lineWidth, default: 0.5)
            fill = try container.decodeIfPresent(Color.self, forKey: .fill)
            cornerRadius = try container.decode(Double.self, forKey: .cornerRadius, default: 0)
            preprinted = try container.decode(Bool.self, forKey: .preprinted, default: false)
        }
    }
}

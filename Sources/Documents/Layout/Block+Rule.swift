extension Block {
    /// A horizontal line across the text width, with space around it.
    public struct Rule: Hashable, Sendable, Codable {
        /// Line width in points.
        public var thickness: Double
        public var color: Color
        /// Space above and below the line, in millimetres.
        public var spacing: Double

        public init(thickness: Double = 0.75, color: Color = .black, spacing: Double = 1.5) {
            self.thickness = thickness
            self.color = color
            self.spacing = spacing
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            thickness = try container.decode(Double.self, forKey: .thickness, default: 0.75)
            color = try container.decode(Color.self, forKey: .color, default: .black)
            spacing = try container.decode(Double.self, forKey: .spacing, default: 1.5)
        }
    }
}

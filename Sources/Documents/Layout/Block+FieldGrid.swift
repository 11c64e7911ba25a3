extension Block {
    /// Label and value pairs in a ruled grid, `columns` pairs to a row, as certificates list a
    /// person's particulars. Values wrap; a row grows to its tallest cell.
    public struct FieldGrid: Hashable, Sendable, Codable {
        public var columns: Int
        /// The width of every label cell, in millimetres.
        public var labelWidth: Double
        public var fields: [Field]
        public var labelStyle: TextStyle
        public var valueStyle: TextStyle
        /// The fill behind labels.
        public var labelFill: Color?
        public var spaceAfter: Double

        public init(
            columns: Int, labelWidth: Double, fields: [Field], labelStyle: TextStyle, valueStyle: TextStyle,
            labelFill: Color? = nil, spaceAfter: Double = 0
        ) {
            self.columns = columns
            self.labelWidth = labelWidth
            self.fields = fields
            self.labelStyle = labelStyle
            self.valueStyle = valueStyle
            self.labelFill = labelFill
            self.spaceAfter = spaceAfter
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            columns = try container.decode(Int.self, forKey: .columns)
            labelWidth = try container.decode(Double.self, forKey: .labelWidth)
            fields = try container.decode([Field].self, forKey: .fields)
            labelStyle = try container.decode(TextStyle.self, forKey: .labelStyle, default: TextStyle())
            valueStyle = try container.decode(TextStyle.self, forKey: .valueStyle, default: TextStyle())
            labelFill = try container.decodeIfPresent(Color.self, forKey: .labelFill)
            spaceAfter = try container.decode(Double.self, forKey: .spaceAfter, default: 0)
        }

        /// One label and its value; `span` counts pairs, so a long value can take a whole row.
        public struct Field: Hashable, Sendable, Codable {
            public var label: String
            public var value: String
            public var span: Int

            public init(_ label: String, _ value: String, span: Int = 1) {
                self.label = label
                self.value = value
                self.span = span
            }

            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                label = try container.decode(String.self, forKey: .label)
                value = try container.decode(String.self, forKey: .value)
                span = try container.decode(Int.self, forKey: .span, default: 1)
            }
        }
    }
}

extension Block {
    /// A ruled table over one of the document's row sets: it breaks between rows, repeats its header
    /// on every page, and can end with a totals row that sums its money columns.
    public struct Table: Hashable, Sendable, Codable {
        /// The key of the row set in ``DocumentContent/tables``.
        public var source: String
        public var columns: [Column]
        public var headerStyle: TextStyle
        public var bodyStyle: TextStyle
        public var headerFill: Color?
        /// Shades every other row, which keeps long statements readable across the line.
        public var stripeFill: Color?
        public var totals: Totals?
        /// Printed across the table when there are no rows, so an empty statement says so.
        public var emptyText: String
        public var spaceAfter: Double
        /// Keeps the table's end (its last rows and totals) on one page with the block after it, so a
        /// statement's last page shows its totals next to the signature rather than the signature alone.
        public var keepWithNext: Bool

        public init(
            source: String, columns: [Column], headerStyle: TextStyle, bodyStyle: TextStyle, headerFill: Color? = nil,
            stripeFill: Color? = nil, totals: Totals? = nil, emptyText: String, spaceAfter: Double = 0,
            keepWithNext: Bool = false
        ) {
            self.source = source
            self.columns = columns
            self.headerStyle = headerStyle
            self.bodyStyle = bodyStyle
            self.headerFill = headerFill
            self.stripeFill = stripeFill
            self.totals = totals
            self.emptyText = emptyText
            self.spaceAfter = spaceAfter
            self.keepWithNext = keepWithNext
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            source = try container.decode(String.self, forKey: .source)
            columns = try container.decode([Column].self, forKey: .columns)
            headerStyle = try container.decode(TextStyle.self, forKey: .headerStyle, default: TextStyle(bold: true))
            bodyStyle = try container.decode(TextStyle.self, forKey: .bodyStyle, default: TextStyle())
            headerFill = try container.decodeIfPresent(Color.self, forKey: .headerFill)
            stripeFill = try container.decodeIfPresent(Color.self, forKey: .stripeFill)
            totals = try container.decodeIfPresent(Totals.self, forKey: .totals)
            emptyText = try container.decode(String.self, forKey: .emptyText)
            spaceAfter = try container.decode(Double.self, forKey: .spaceAfter, default: 0)
            keepWithNext = try container.decode(Bool.self, forKey: .keepWithNext, default: false)
        }

        /// A column: which cell of each row it shows, its title, its share of the width.
        public struct Column: Hashable, Sendable, Codable {
            public var key: String
            public var title: String
            /// A relative weight: columns share the text width in proportion to their weights.
            public var width: Double
            public var alignment: TextAlignment

            public init(_ key: String, _ title: String, width: Double, alignment: TextAlignment = .left) {
                self.key = key
                self.title = title
                self.width = width
                self.alignment = alignment
            }

            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                key = try container.decode(String.self, forKey: .key)
                title = try container.decode(String.self, forKey: .title)
                width = try container.decode(Double.self, forKey: .width)
                alignment = try container.decode(TextAlignment.self, forKey: .alignment, default: .left)
            }
        }

        /// The last row: `label` (with `{count}`, the number of rows) in `labelColumn`, and under each
        /// column of `sums` the sum of its money cells, added in fen.
        public struct Totals: Hashable, Sendable, Codable {
            public var label: String
            public var labelColumn: String
            /// Keys of the columns to total; their cells must all be money.
            public var sums: [String]

            public init(label: String, labelColumn: String, sums: [String]) {
                self.label = label
                self.labelColumn = labelColumn
                self.sums = sums
            }
        }
    }
}

/// Where each of a record's columns stands in one statement's answer: looked up by name in its
/// first row and kept for the others, which are read by position. A snapshot page reads tens of
/// thousands of rows, and a lookup by name in each would cost more than reading the values.
struct ColumnPositions<Columns: TableColumns>: Sendable {
    /// By the columns' raw values; nil for a column the statement does not select.
    private let positions: [Int?]

    init(in row: any SQLRowReader) {
        positions = Columns.allCases.map { row.index(of: $0.stringValue) }
    }

    subscript(column: Columns) -> Int? { positions[column.rawValue] }
}

/// Where each of a record's columns stands in one statement's answer, looked up by name in its
/// first row and kept for the others: every row is then read by position, as fast as before the
/// mappings named their columns (a snapshot page reads tens of thousands of rows).
struct ColumnPositions<Columns: TableColumns>: Sendable {
    /// By the columns' raw values; nil for a column the statement does not select.
    private let positions: [Int?]

    init(in row: any SQLRowReader) {
        positions = Columns.allCases.map { $0.rawValue }
    }

    subscript(column: Columns) -> Int? { positions[column.rawValue] }
}

/// A record read from the rows of the centre's statements, as GRDB's `FetchableRecord` reads one:
/// by the names of its columns, so that a statement may select them in any order and either
/// driver may answer it.
protocol FetchableCentreRecord {
    associatedtype Columns: TableColumns
    /// The table its rows come from.
    static var tableName: String { get }

    init(row: TableRow<Self>) throws
}

extension FetchableCentreRecord {
    static var columnNames: [String] { Columns.allCases.map(\.stringValue) }

    /// `a, b, c` for a SELECT or INSERT list, each prefixed with `alias.` when given.
    static func columnList(alias: String? = nil) -> String {
        columnNames.map { column in alias.map { "\($0).\(column)" } ?? column }.joined(separator: ", ")
    }
}

/// A record read from the rows of the centre's statements, as GRDB's `FetchableRecord` reads one:
/// by the names of its columns, so that a statement may select them in any order and either
/// driver may answer it.
protocol FetchableCentreRecord {
    associatedtype Columns: TableColumns
    /// The table its rows come from.
    static var tableName: String { get }

    init(row: TableRow<Self>) throws
}

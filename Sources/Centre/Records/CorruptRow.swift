/// A stored value that does not decode as its column's type says: the database was written by
/// something else than this centre.
struct CorruptRow: Error, CustomStringConvertible {
    let table: String
    let column: String
    var description: String { "\(table).\(column) holds a value this centre cannot read" }
}

extension CorruptRow {
    init<Record: FetchableCentreRecord>(_: Record.Type, _ column: Record.Columns) {
        self.init(table: Record.tableName, column: column.stringValue)
    }
}

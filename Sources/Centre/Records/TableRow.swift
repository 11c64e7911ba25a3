/// A row read by a record's column names, whichever driver it came from and in whatever order the
/// statement selects the columns.
struct TableRow<Record: FetchableCentreRecord> {
    private let reader: any SQLRowReader
    private let positions: ColumnPositions<Record.Columns>

    /// A row of an answer whose columns were found in its first row (``RowMapping``).
    init(_ reader: any SQLRowReader, positions: ColumnPositions<Record.Columns>) {
        self.reader = reader
        self.positions = positions
    }

    /// A row on its own: its columns are found in it.
    init(reading reader: any SQLRowReader) {
        self.init(reader, positions: ColumnPositions(in: reader))
    }

    func text(_ column: Record.Columns) throws -> String {
        guard let text = try optionalText(column) else { throw CorruptRow(Record.self, column) }
        return text
    }

    func optionalText(_ column: Record.Columns) throws -> String? { try reader.text(at: position(of: column)) }

    func integer(_ column: Record.Columns) throws -> Int64 {
        guard let integer = try optionalInteger(column) else { throw CorruptRow(Record.self, column) }
        return integer
    }

    func optionalInteger(_ column: Record.Columns) throws -> Int64? { try reader.integer(at: position(of: column)) }

    private func position(of column: Record.Columns) throws -> Int {
        guard let position = positions[column] else {
            throw MissingColumn(table: Record.tableName, column: column.stringValue)
        }
        return position
    }
}

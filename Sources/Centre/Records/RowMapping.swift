/// How the rows of one statement's answer become values, read by column name: the names are looked
/// up in the first row, once for the whole answer (``ColumnPositions``). A store hands it each row
/// of one answer in turn.
struct RowMapping<Value> {
    /// Finds the columns in the answer's first row; answers how to read every row.
    private let prepare: (_ first: any SQLRowReader) -> (any SQLRowReader) throws -> Value
    private var read: ((any SQLRowReader) throws -> Value)?

    init(prepare: @escaping (_ first: any SQLRowReader) -> (any SQLRowReader) throws -> Value) {
        self.prepare = prepare
    }

    /// The value of the answer's next row.
    mutating func value(of row: any SQLRowReader) throws -> Value {
        if let read { return try read(row) }
        let read = prepare(row)
        self.read = read
        return try read(row)
    }

    /// The same rows, each value transformed.
    func map<Mapped>(_ transform: @escaping (Value) -> Mapped) -> RowMapping<Mapped> {
        RowMapping<Mapped> { first in
            let read = prepare(first)
            return { row in transform(try read(row)) }
        }
    }
}

extension RowMapping where Value: FetchableCentreRecord {
    /// Each row one record.
    static var records: RowMapping {
        RowMapping { first in
            let positions = ColumnPositions<Value.Columns>(in: first)
            return { row in try Value(row: TableRow(row, positions: positions)) }
        }
    }

    /// Each row one record with the `regionCode` selected beside its columns: the region of a record
    /// placed by its person's.
    static var placed: RowMapping<(record: Value, regionCode: String)> {
        RowMapping<(record: Value, regionCode: String)> { first in
            let positions = ColumnPositions<Value.Columns>(in: first)
            let region = first.index(of: "regionCode")
            return { row in
                guard let region else { throw MissingColumn(table: Value.tableName, column: "regionCode") }
                guard let code = try row.text(at: region) else {
                    throw CorruptRow(table: Value.tableName, column: "regionCode")
                }
                return (try Value(row: TableRow(row, positions: positions)), code)
            }
        }
    }

    /// Each row one record with its change number, the `changeSequence` that
    /// ``CentreSQL/changes(_:after:in:limit:)`` selects beside the record's columns.
    static var changes: RowMapping<(sequence: Int64, record: Value)> {
        RowMapping<(sequence: Int64, record: Value)> { first in
            let positions = ColumnPositions<Value.Columns>(in: first)
            let sequence = first.index(of: "changeSequence")
            return { row in
                guard let sequence else { throw MissingColumn(table: Value.tableName, column: "changeSequence") }
                guard let number = try row.integer(at: sequence) else {
                    throw CorruptRow(table: Value.tableName, column: "changeSequence")
                }
                return (number, try Value(row: TableRow(row, positions: positions)))
            }
        }
    }
}

extension RowMapping where Value == String {
    /// The `regionCode` column of each row.
    static var regionCodes: RowMapping { text("regionCode") }

    /// The `idNumber` column of each row.
    static var idNumbers: RowMapping { text("idNumber") }

    /// The text column `name` of each row, which must be there and not null.
    private static func text(_ name: String) -> RowMapping {
        RowMapping { first in
            let position = first.index(of: name)
            return { row in
                guard let position else { throw MissingColumn(table: "a record's \(name)", column: name) }
                guard let value = try row.text(at: position) else {
                    throw CorruptRow(table: "a record's \(name)", column: name)
                }
                return value
            }
        }
    }
}

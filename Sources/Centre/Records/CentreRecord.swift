/// A record the centre keeps in a table of its own, mapped once for both dialects in GRDB's
/// manner (`TableRecord`, `FetchableRecord`, `PersistableRecord`): its columns, the record read
/// from a row by their names, and the value it writes in each. `changeSequence`, which the store
/// adds to the rows terminals pull, is none of its columns.
protocol CentreRecord: FetchableCentreRecord, Sendable {
    /// The primary key's columns; the first column alone unless named.
    static var primaryKey: [Columns] { get }

    func value(of column: Columns) throws -> SQLValue
}

extension CentreRecord {
    static var primaryKey: [Columns] { Array(Columns.allCases.prefix(1)) }

    /// The record's values in the order of its columns (``columnNames``).
    func values() throws -> [SQLValue] { try Columns.allCases.map(value(of:)) }
}

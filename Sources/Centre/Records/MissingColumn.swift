/// A record read a column the statement does not select: the statement and the record's mapping
/// disagree, which is this centre's mistake, not the database's.
struct MissingColumn: Error, CustomStringConvertible {
    let table: String
    let column: String
    var description: String { "a statement on \(table) does not select \(column), which its record reads" }
}

import Vocabulary

/// A column value as both dialects store it: the centre's tables hold only text and integers
/// (instants as milliseconds, months as ``YearMonth/index``, flags as 0 or 1, structures as JSON).
enum SQLValue: Hashable, Sendable {
    case text(String)
    case integer(Int64)
    case null

    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    init(_ integer: Int64?) { self = integer.map(SQLValue.integer) ?? .null }
    init(_ integer: Int?) { self.init(integer.map(Int64.init)) }
}

/// One row being read, whichever driver it came from, by column position.
protocol SQLRowReader {
    func text(_ index: Int) throws -> String
    func optionalText(_ index: Int) throws -> String?
    func integer(_ index: Int) throws -> Int64
    func optionalInteger(_ index: Int) throws -> Int64?
}

/// A stored value that does not decode as its column's type says: the database was written by
/// something else than this centre.
struct CorruptRow: Error, CustomStringConvertible {
    let table: String
    let column: String
    var description: String { "\(table).\(column) holds a value this centre cannot read" }
}

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

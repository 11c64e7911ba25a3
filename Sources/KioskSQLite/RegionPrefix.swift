import GRDB

/// "Region code starts with this prefix" as a range on the column, which an index can serve
/// (LIKE cannot, being case-insensitive): region codes are digits, and every code with the prefix
/// sorts at or after it and before the prefix followed by U+FFFF.
struct RegionPrefix {
    let prefix: String

    init(_ prefix: String) { self.prefix = prefix }

    func contains(_ column: Column) -> SQLExpression {
        column >= prefix && column < prefix + "\u{FFFF}"
    }
}

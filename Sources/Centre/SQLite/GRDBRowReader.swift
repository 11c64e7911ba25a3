import GRDB

/// A GRDB row read by column position.
struct GRDBRowReader: SQLRowReader {
    let row: Row

    func text(_ index: Int) throws -> String {
        guard let value = try optionalText(index) else { throw CorruptRow(table: "?", column: "\(index)") }
        return value
    }

    func optionalText(_ index: Int) throws -> String? { try row.decode(String?.self, atIndex: index) }

    func integer(_ index: Int) throws -> Int64 {
        guard let value = try optionalInteger(index) else { throw CorruptRow(table: "?", column: "\(index)") }
        return value
    }

    func optionalInteger(_ index: Int) throws -> Int64? { try row.decode(Int64?.self, atIndex: index) }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .text(let text): text.databaseValue
        case .integer(let integer): integer.databaseValue
        case .null: .null
        }
    }
}

extension CentreSQL.Statement {
    var grdbArguments: StatementArguments { StatementArguments(arguments.map(\.databaseValue)) }
}

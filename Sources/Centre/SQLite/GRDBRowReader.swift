import GRDB

/// A GRDB row. SQLite names a selected column as the schema spells it, whatever the statement's
/// case, and the records spell their columns as the schema does.
struct GRDBRowReader: SQLRowReader {
    let row: Row

    func index(of name: String) -> Int? { row.columnNames.enumerated().first { $0.element == name }?.offset }

    func text(at index: Int) throws -> String? { try row.decode(String?.self, atIndex: index) }

    func integer(at index: Int) throws -> Int64? { try row.decode(Int64?.self, atIndex: index) }
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

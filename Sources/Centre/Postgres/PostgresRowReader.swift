import PostgresNIO

/// A PostgreSQL row. PostgreSQL folds the unquoted names of the schema and of the statements to
/// lower case, so `idNumber` comes back as `idnumber`: columns are found whatever their case.
struct PostgresRowReader: SQLRowReader {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    func index(of name: String) -> Int? {
        let name = name.lowercased()
        return row.indices.first { row[$0].columnName.lowercased() == name }
    }

    func text(at index: Int) throws -> String? { try row[index].decode(String?.self) }

    func integer(at index: Int) throws -> Int64? { try row[index].decode(Int64?.self) }
}

extension CentreSQL.Statement {
    var postgresQuery: PostgresQuery {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .text(let text): binds.append(text)
            case .integer(let integer): binds.append(integer)
            case .null: binds.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}

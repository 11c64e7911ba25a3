import KioskCore

extension CommandFacts {
    /// One statement that gathers part of a command's facts, with how its answer is kept. Each
    /// answers one row at most: it reads a row by its key, or asks whether one exists.
    struct Lookup {
        let statement: CentreSQL.Statement
        /// Keeps the answer's row (nil when there is none) in the facts.
        let keep: (_ row: (any SQLRowReader)?, _ facts: inout CommandFacts) throws -> Void
    }

    /// The statements that gather what `command` is judged against, in the order a store runs them.
    static func lookups(for command: CentreCommand, _ sql: CentreSQL) -> [Lookup] {
        var lookups: [Lookup] = []
        if let id = command.applicationID {
            lookups.append(record(StoredApplication.self, key: id, sql, into: \.application))
        }
        if let query = command.openApplicationQuery {
            lookups.append(
                Lookup(
                    statement: sql.openApplication(
                        idNumber: query.idNumber, kind: query.kind, excluding: query.excluding)
                ) { row, facts in facts.openDuplicate = row != nil })
        }
        if let holder = command.holder {
            lookups.append(
                Lookup(statement: sql.personRegion(holder)) { row, facts in
                    facts.holderRegion = try row.map { try TableRow<Person>(reading: $0).text(.regionCode) }
                })
        }
        if let number = command.cardNumber {
            lookups.append(record(StoredCard.self, key: number, sql, into: \.card))
        }
        if let serial = command.certificateSerial {
            lookups.append(record(SignedCertificate.self, key: serial, sql, into: \.certificate))
        }
        return lookups
    }

    /// The record under `key`, kept in `field`.
    private static func record<Record: CentreRecord>(
        _: Record.Type, key: String, _ sql: CentreSQL, into field: WritableKeyPath<CommandFacts, Record?>
    ) -> Lookup {
        Lookup(statement: sql.select(Record.self, key: key)) { row, facts in
            facts[keyPath: field] = try row.map { try Record(row: TableRow(reading: $0)) }
        }
    }
}

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
            lookups.append(
                Lookup(statement: sql.select(StoredApplication.self, key: id)) { row, facts in
                    facts.application = try row.map { try StoredApplication(row: TableRow(reading: $0)) }
                })
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
            lookups.append(
                Lookup(statement: sql.select(StoredCard.self, key: number)) { row, facts in
                    facts.card = try row.map { try StoredCard(row: TableRow(reading: $0)) }
                })
        }
        if let serial = command.certificateSerial {
            lookups.append(
                Lookup(statement: sql.select(SignedCertificate.self, key: serial)) { row, facts in
                    facts.certificate = try row.map { try SignedCertificate(row: TableRow(reading: $0)) }
                })
        }
        return lookups
    }
}

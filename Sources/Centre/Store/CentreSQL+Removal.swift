import Foundation
import KioskCore

extension CentreSQL {
    /// The region of the record's row (a person's, for their enrolment); no row when the centre
    /// does not have it. Nil for a staff account, which is disabled or reassigned in the console and
    /// never removed this way.
    func region(of record: ReferenceRemoval.Record) -> Statement? {
        switch record {
        case .staff: nil
        case .person(let idNumber): personRegion(idNumber)
        case .enrolment(let idNumber, let insurance, let since):
            Statement(
                sql: """
                    SELECT p.regionCode FROM enrolment e JOIN person p ON p.idNumber = e.idNumber
                    WHERE e.idNumber = \(parameter(1)) AND e.insurance = \(parameter(2)) AND e.since = \(parameter(3))
                    """,
                arguments: [.text(idNumber), .text(insurance.rawValue), .integer(Int64(since.index))])
        case .card(let cardNumber):
            Statement(
                sql: "SELECT regionCode FROM card WHERE cardNumber = \(parameter(1))", arguments: [.text(cardNumber)])
        case .jobPosting(let id):
            Statement(sql: "SELECT regionCode FROM jobPosting WHERE id = \(parameter(1))", arguments: [.text(id)])
        }
    }

    /// Deletes the record; a person with every row kept of them, cards included. Nothing for a staff
    /// account (``region(of:)``).
    func delete(_ record: ReferenceRemoval.Record) -> [Statement] {
        func delete(from table: String, where column: String, _ value: String) -> Statement {
            Statement(sql: "DELETE FROM \(table) WHERE \(column) = \(parameter(1))", arguments: [.text(value)])
        }
        switch record {
        case .person(let idNumber):
            return ["contribution", "pensionPayment", "retireeCheck", "jobSeeker", "enrolment", "card", "person"].map {
                delete(from: $0, where: "idNumber", idNumber)
            }
        case .enrolment(let idNumber, let insurance, let since):
            return [
                Statement(
                    sql: """
                        DELETE FROM enrolment
                        WHERE idNumber = \(parameter(1)) AND insurance = \(parameter(2)) AND since = \(parameter(3))
                        """,
                    arguments: [.text(idNumber), .text(insurance.rawValue), .integer(Int64(since.index))])
            ]
        case .card(let cardNumber): return [delete(from: "card", where: "cardNumber", cardNumber)]
        case .jobPosting(let id): return [delete(from: "jobPosting", where: "id", id)]
        case .staff: return []
        }
    }

    /// The writes of a move: every row again under the next change numbers from `firstSequence`,
    /// then the removal for the old region under the last.
    func move(_ move: PersonMove, firstSequence: Int64) throws -> [Statement] {
        var sequence = firstSequence
        var statements: [Statement] = []
        func write<Record: CentreRecord>(_ records: [Record]) throws {
            for record in records {
                statements.append(try upsert(record, sequence: sequence))
                sequence += 1
            }
        }
        try write([move.person])
        try write(move.enrolments)
        try write(move.contributions)
        try write(move.pensionPayments)
        try write(move.retireeChecks)
        try write(move.jobSeekers)
        try write(move.cards)
        statements.append(try insert(move.removal, sequence: sequence))
        return statements
    }

    /// Removals after `cursor` that terminals of the jurisdiction must apply: of a record kept in
    /// it, unless it moved to a region also inside it.
    func removals(after cursor: SyncCursor, in jurisdiction: Jurisdiction, limit: Int) -> Statement {
        Statement(
            sql: """
                SELECT \(StoredRemoval.columnList()), changeSequence FROM removal
                WHERE changeSequence > \(parameter(1)) AND regionCode >= \(parameter(2)) AND regionCode < \(parameter(3))
                AND (movedTo IS NULL OR movedTo < \(parameter(4)) OR movedTo >= \(parameter(5)))
                ORDER BY changeSequence LIMIT \(parameter(6))
                """,
            arguments: [.integer(cursor.sequence)] + Self.regionRange(jurisdiction) + Self.regionRange(jurisdiction)
                + [.integer(Int64(limit))])
    }

    /// Accounts of the county around `jurisdiction` changed after `cursor`: all of them, whatever
    /// their role and area now, since a terminal that had one must hear that it no longer does
    /// (``ChangePage`` makes each an account or a removal for the terminal).
    func staffChanges(after cursor: SyncCursor, serving jurisdiction: Jurisdiction, limit: Int) -> Statement {
        Statement(
            sql: """
                SELECT \(CentreStaffAccount.columnList()), changeSequence FROM centreStaff
                WHERE changeSequence > \(parameter(1)) AND jurisdiction >= \(parameter(2)) AND jurisdiction < \(parameter(3))
                ORDER BY changeSequence LIMIT \(parameter(4))
                """,
            arguments: [.integer(cursor.sequence)] + Self.regionRange(Self.county(of: jurisdiction))
                + [.integer(Int64(limit))])
    }

    /// The accounts of the county around `jurisdiction`, for a snapshot to keep those that work there.
    func staffAccounts(serving jurisdiction: Jurisdiction) -> Statement {
        Statement(
            sql: """
                SELECT \(CentreStaffAccount.columnList()) FROM centreStaff
                WHERE jurisdiction >= \(parameter(1)) AND jurisdiction < \(parameter(2)) ORDER BY id
                """,
            arguments: Self.regionRange(Self.county(of: jurisdiction)))
    }

    /// The county a jurisdiction lies in (itself when wider).
    private static func county(of jurisdiction: Jurisdiction) -> Jurisdiction {
        (try? Jurisdiction(String(jurisdiction.regionPrefix.prefix(6)))) ?? jurisdiction
    }

    /// Rows of a table the centre publishes for every terminal alike (the working calendar's years,
    /// the services' routes and guides) changed after `cursor`.
    func changesEverywhere<Record: CentreRecord>(_: Record.Type, after cursor: SyncCursor, limit: Int) -> Statement {
        Statement(
            sql: """
                SELECT \(Record.columnList()), changeSequence FROM \(Record.tableName)
                WHERE changeSequence > \(parameter(1)) ORDER BY changeSequence LIMIT \(parameter(2))
                """,
            arguments: [.integer(cursor.sequence), .integer(Int64(limit))])
    }

    /// Every row of a table the centre publishes for every terminal alike, in key order.
    func published<Record: CentreRecord>(_: Record.Type) -> Statement {
        Statement(
            sql: """
                SELECT \(Record.columnList()) FROM \(Record.tableName)
                ORDER BY \(Record.primaryKey.map(\.stringValue).joined(separator: ", "))
                """,
            arguments: [])
    }

    /// Every year of the working calendar the centre published.
    var calendarYears: Statement { published(WorkingCalendar.PublishedYear.self) }

    /// Every route the centre published.
    var serviceRoutes: Statement { published(ServiceRoute.self) }
}

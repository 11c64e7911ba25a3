import Foundation
import KioskCore

extension CentreSQL {
    /// The region of the record's row (a person's, for their enrolment); no row when the centre
    /// does not have it.
    func region(of record: ReferenceRemoval.Record) -> Statement {
        switch record {
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

    /// Deletes the record; a person with every row kept of them, cards included.
    func delete(_ record: ReferenceRemoval.Record) -> [Statement] {
        func delete(from table: String, where column: String, _ value: String) -> Statement {
            Statement(sql: "DELETE FROM \(table) WHERE \(column) = \(parameter(1))", arguments: [.text(value)])
        }
        switch record {
        case .person(let idNumber):
            return ["contribution", "pensionPayment", "enrolment", "card", "person"].map {
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
}

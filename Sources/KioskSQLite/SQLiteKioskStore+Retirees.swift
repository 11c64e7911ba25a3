import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    public func retireeCheck(of idNumber: String) async throws -> RetireeCheck? {
        try await pool.read { db in try Self.latestCheck(of: idNumber, db)?.check() }
    }

    public func retireeChecks(region prefix: String) async throws -> [RetireeCheckLine] {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.*, p.name AS personName, p.regionCode AS personRegion
                    FROM retireeCheck c JOIN person p ON p.idNumber = c.idNumber
                    WHERE p.regionCode >= ? AND p.regionCode < ?
                      AND c.year = (SELECT MAX(year) FROM retireeCheck l WHERE l.idNumber = c.idNumber)
                    ORDER BY c.dueBy, c.idNumber
                    """,
                arguments: [prefix, prefix + "\u{FFFF}"])
            return try rows.map { row in
                RetireeCheckLine(
                    check: try RetireeCheckRow(row: row).check(), name: row["personName"],
                    regionCode: row["personRegion"])
            }
        }
    }

    public func record(
        _ entry: RetireeCheckEntry, onCheckOf idNumber: String, at level: ServiceLevel, by principal: Principal,
        at now: Date
    ) async throws -> RetireeCheck {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            guard var check = try Self.latestCheck(of: idNumber, db)?.check() else { throw KioskError.notARetiree }
            try check.record(entry, at: level)
            try RetireeCheckRow(check).update(db)
            try recorder.enqueue(
                .retireeCheck, payload: RetireeCheckPayload(idNumber: idNumber, year: check.year, entry: entry),
                baseVersion: nil, priority: SyncCommandKind.normalPriority)
            try recorder.log(
                entry.actionName, subject: .person(idNumber: idNumber), by: principal,
                detail: "year=\(check.year) \(entry.ledgerDetail)")
            return check
        }
    }

    private static func latestCheck(of idNumber: String, _ db: Database) throws -> RetireeCheckRow? {
        try RetireeCheckRow.filter(RetireeCheckRow.Columns.idNumber == idNumber)
            .order(RetireeCheckRow.Columns.year.desc).fetchOne(db)
    }

    /// Keeps the centre's copy of each check, except one of a person with an entry still to be sent.
    static func keep(_ checks: [RetireeCheck], _ db: Database) throws {
        try keep(checks, unlessUnsent: .retireeCheck, at: "$.idNumber", subject: \.idNumber, db) {
            try RetireeCheckRow($0).save(db)
        }
    }
}

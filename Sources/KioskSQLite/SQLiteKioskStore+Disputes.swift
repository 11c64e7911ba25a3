import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    public func disputes(region prefix: String) async throws -> [LabourDispute] {
        try await pool.read { db in
            try DisputeRow.filter(
                DisputeRow.Columns.regionCode >= prefix && DisputeRow.Columns.regionCode < prefix + "\u{FFFF}"
            )
            .order(DisputeRow.Columns.receivedAt.desc).fetchAll(db).map { try $0.decoded() }
        }
    }

    public func dispute(_ id: String) async throws -> LabourDispute? {
        try await pool.read { db in try DisputeRow.fetchOne(db, key: id)?.decoded() }
    }

    public func takeDispute(_ draft: LabourDispute, by principal: Principal, at now: Date) async throws
        -> LabourDispute
    {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            var dispute = draft
            dispute.id = "\(recorder.terminal.terminalID)-D\(try recorder.next("dispute"))"
            try DisputeRow(dispute).insert(db)
            try Self.enqueue(.intake(dispute), on: dispute, by: principal, recorder)
            return dispute
        }
    }

    public func record(_ entry: DisputeEntry, onDispute id: String, by principal: Principal, at now: Date)
        async throws -> LabourDispute
    {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            guard var dispute = try DisputeRow.fetchOne(db, key: id)?.decoded() else {
                throw KioskError.notFound("dispute", chinese: "该案件")
            }
            try dispute.record(entry)
            try DisputeRow(dispute).update(db)
            try Self.enqueue(entry, on: dispute, by: principal, recorder)
            return dispute
        }
    }

    private static func enqueue(
        _ entry: DisputeEntry, on dispute: LabourDispute, by principal: Principal, _ recorder: ChangeRecorder
    ) throws {
        try recorder.enqueue(
            .dispute, payload: DisputePayload(id: dispute.id, entry: entry, by: principal.actorID, at: recorder.now),
            baseVersion: nil, priority: SyncCommandKind.normalPriority)
        try recorder.log(
            entry.actionName, subject: .person(idNumber: dispute.idNumber), by: principal,
            detail: "id=\(dispute.id) \(entry.ledgerDetail)")
    }

    /// Keeps the centre's copy of each case, except one with an entry still to be sent.
    static func keep(_ disputes: [LabourDispute], _ db: Database) throws {
        try keep(disputes, unlessUnsent: .dispute, at: "$.id", subject: \.id, db) { try DisputeRow($0).save(db) }
    }
}

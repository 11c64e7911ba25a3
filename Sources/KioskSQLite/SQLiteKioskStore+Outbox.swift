import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    /// Loss reports first, then in the order the commands were made; refused commands wait for a
    /// person and do not hold up the others.
    public func pendingOutbox(limit: Int) async throws -> [OutboxEntry] {
        try await pool.read { db in
            try OutboxRow.filter(OutboxRow.Columns.status == OutboxEntry.Status.pending.rawValue)
                .order(OutboxRow.Columns.priority.desc, OutboxRow.Columns.sequence).limit(limit).fetchAll(db)
                .map(\.entry)
        }
    }

    public func acknowledge(_ keys: [String]) async throws {
        try await pool.write { db in
            _ = try OutboxRow.filter(keys.contains(OutboxRow.Columns.idempotencyKey)).deleteAll(db)
        }
    }

    public func failed(_ key: String, refused: Bool, reason: String, at now: Date) async throws {
        try await pool.write { db in
            guard var row = try OutboxRow.filter(OutboxRow.Columns.idempotencyKey == key).fetchOne(db) else {
                throw KioskError.notFound("outbox entry", chinese: "该待发送指令")
            }
            row.attempts += 1
            row.lastAttemptAt = now.milliseconds
            row.lastError = reason
            if refused { row.status = .needsReview }
            try row.update(db)
        }
    }

    public func outboxWrites() -> AsyncStream<Void> {
        let (writes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let observation = DatabaseRegionObservation(tracking: OutboxRow.all())
            .start(in: pool, onError: { _ in continuation.finish() }, onChange: { _ in continuation.yield() })
        continuation.onTermination = { _ in observation.cancel() }
        return writes
    }

    public func outboxNeedingReview(limit: Int) async throws -> [OutboxEntry] {
        try await pool.read { db in
            try OutboxRow.filter(OutboxRow.Columns.status == OutboxEntry.Status.needsReview.rawValue)
                .order(OutboxRow.Columns.sequence).limit(limit).fetchAll(db).map(\.entry)
        }
    }

    public func closeRefused(_ key: String, reason: ClosingReason, by principal: Principal, at now: Date)
        async throws
    {
        try await pool.write { db in
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            let refused = OutboxRow.filter(
                OutboxRow.Columns.idempotencyKey == key
                    && OutboxRow.Columns.status == OutboxEntry.Status.needsReview.rawValue)
            guard let row = try refused.fetchOne(db) else {
                throw KioskError.notFound("refused command", chinese: "该被中心拒绝的指令")
            }
            try row.delete(db)
            try recorder.log(
                "outbox.close", subject: .terminal, by: principal,
                detail: "key=\(key) command=\(row.command) reason=\(reason.rawValue)")
        }
    }

    public func outboxSummary() async throws -> OutboxSummary {
        try await pool.read { db in try Self.outboxSummary(db) }
    }

    static func outboxSummary(_ db: Database) throws -> OutboxSummary {
        let pending = OutboxRow.filter(OutboxRow.Columns.status == OutboxEntry.Status.pending.rawValue)
        let review = OutboxRow.filter(OutboxRow.Columns.status == OutboxEntry.Status.needsReview.rawValue)
        let oldest = try Int64.fetchOne(db, pending.select(min(OutboxRow.Columns.createdAt)))
        return OutboxSummary(
            pending: try pending.fetchCount(db), oldestPendingAt: oldest.map(Date.init(milliseconds:)),
            needsReview: try review.fetchCount(db))
    }
}

extension SQLiteKioskStore {
    /// What the pending commands of `kinds` are about, read from each payload at the JSON `path`:
    /// the records whose copy from the centre must wait until this terminal's change is applied.
    /// Saves the centre's copy of each record with `save`, except one whose subject (`subject`, as the
    /// payloads of `kind` name it at `path`) has an entry of this terminal still to be sent: that entry
    /// was made on a copy the centre has not seen yet, and the centre's copy with it comes down again
    /// once it is applied.
    static func keep<Record>(
        _ records: [Record], unlessUnsent kind: SyncCommandKind, at path: String, subject: (Record) -> String,
        _ db: Database, save: (Record) throws -> Void
    ) throws {
        guard !records.isEmpty else { return }
        let unsent = try unsentSubjects(of: [kind], at: path, db)
        for record in records where !unsent.contains(subject(record)) { try save(record) }
    }

    static func unsentSubjects(of kinds: [SyncCommandKind], at path: String, _ db: Database) throws -> Set<String> {
        Set(
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT json_extract(CAST(payload AS TEXT), ?) FROM outbox
                    WHERE status = ? AND command IN (\(kinds.map { _ in "?" }.joined(separator: ", ")))
                    """,
                arguments: StatementArguments([path, OutboxEntry.Status.pending.rawValue] + kinds.map(\.rawValue))))
    }
}

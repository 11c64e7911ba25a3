import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    /// Durable when it returns, committed together with the entries logged at the same time
    /// (``LedgerGroupCommit``).
    public func log(_ action: String, subject: LedgerSubject, by principal: Principal, detail: String, at now: Date)
        async throws
    {
        try await ledgerCommits.log(action, subject: subject, by: principal, detail: detail, at: now)
    }

    public func ledger(from sequence: Int64, limit: Int) async throws -> [LedgerEntry] {
        try await pool.read { db in
            try LedgerRow.filter(LedgerRow.Columns.sequence >= sequence).order(LedgerRow.Columns.sequence)
                .limit(limit).fetchAll(db).map(\.entry)
        }
    }

    public func ledger(about subject: LedgerSubject) async throws -> [LedgerEntry] {
        try await pool.read { db in
            try LedgerRow.filter(LedgerRow.Columns.subject == subject.ledgerText).order(LedgerRow.Columns.sequence)
                .fetchAll(db).map(\.entry)
        }
    }

    public func ledgerHead() async throws -> LedgerHead? {
        try await pool.read { db in try LedgerHeadRow.fetchOne(db)?.head }
    }

    public func verifyLedger() async throws -> LedgerVerifier.Finding {
        guard let ledgerKey else { throw LedgerKeyError.notGiven }
        return try await pool.read { db in try Self.verifyLedger(db, key: ledgerKey, anchor: nil) }
    }

    /// Verifies the ledger of the database at `path` against `anchor` (the centre's, nil for none)
    /// on a read-only connection: no migration and no seal, so the check never changes what it checks.
    public static func verifyLedger(atPath path: String, key: LedgerKey, anchor: LedgerAnchor?) throws
        -> LedgerVerifier.Finding
    {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            try verifyLedger(db, key: key, anchor: anchor)
        }
    }

    /// Reads the head and then the whole chain in order from one snapshot, a row at a time, so a
    /// ledger of years takes no more memory than one entry; writes go on meanwhile.
    private static func verifyLedger(_ db: Database, key: LedgerKey, anchor: LedgerAnchor?) throws
        -> LedgerVerifier.Finding
    {
        let head = try LedgerHeadRow.fetchOne(db)
        let entries = CursorSequence(try LedgerRow.order(LedgerRow.Columns.sequence).fetchCursor(db).map(\.entry))
        let finding = LedgerVerifier.verify(
            entries, head: head?.head ?? .empty, key: key, keyCheck: head?.keyCheck, anchor: anchor)
        if let error = entries.error { throw error }
        return finding
    }

    /// At opening with a key: a ledger already sealed must be sealed with this key; a ledger of
    /// entries from before the key (its head has no key check) gets the entry that seals them.
    static func seal(_ db: Database, key: LedgerKey) throws {
        guard let head = try LedgerHeadRow.fetchOne(db) else { return }
        if let check = head.keyCheck {
            guard check == key.check else { throw LedgerKeyError.mismatch }
            return
        }
        try ChangeRecorder(db, at: Date(), key: key).seal(after: head.head)
    }
}

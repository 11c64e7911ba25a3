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

    /// Reads the head and then the whole chain in order from one snapshot, a row at a time, so a
    /// ledger of years takes no more memory than one entry; writes go on meanwhile.
    public func verifyLedger() async throws -> LedgerVerifier.Finding {
        try await pool.read { db in
            let head = try LedgerHeadRow.fetchOne(db)
            let entries = CursorSequence(try LedgerRow.order(LedgerRow.Columns.sequence).fetchCursor(db).map(\.entry))
            let finding = LedgerVerifier.verify(
                entries, head: (head?.sequence ?? 0, head?.hash ?? LedgerEntry.genesisHash))
            if let error = entries.error { throw error }
            return finding
        }
    }
}

import Foundation
import GRDB
import KioskCore

/// What goes with every write that matters, inside that write's transaction: the outbox entry the
/// centre will get and the ledger entry that records who did it. The caller's transaction commits
/// the domain row and these together or not at all.
struct ChangeRecorder {
    let db: Database
    let terminal: TerminalIdentity
    /// Cut to whole milliseconds, the precision of every stored instant.
    let now: Date
    let key: LedgerKey

    /// Refuses to record anything on a terminal with no identity (keys and ledger entries name
    /// it), or in a store opened without the ledger key.
    init(_ db: Database, at now: Date, key: LedgerKey?) throws {
        guard let key else { throw LedgerKeyError.notGiven }
        guard let terminal = try TerminalRow.fetchOne(db)?.identity() else { throw KioskError.terminalNotInstalled }
        self.db = db
        self.terminal = terminal
        self.now = now.wholeMilliseconds
        self.key = key
    }

    /// Where a record about the person is kept: their region when the cache holds them, else the
    /// terminal's (someone who has just moved in).
    func region(of idNumber: String) throws -> String {
        try String.fetchOne(db, PersonRow.select(PersonRow.Columns.regionCode).filter(key: idNumber))
            ?? terminal.jurisdiction.regionPrefix
    }

    /// The next value of a named counter, moved in this transaction.
    func next(_ counter: String) throws -> Int64 {
        try Int64.fetchOne(
            db,
            sql: """
                INSERT INTO counter (name, value) VALUES (?, 1)
                ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value
                """,
            arguments: [counter])!
    }

    /// Queues `command` for the centre under a key of terminal id, sequence and time: unique across
    /// terminals and the same on every retry.
    func enqueue(_ command: SyncCommandKind, payload: some Encodable, baseVersion: Int?, priority: Int) throws {
        let sequence = try next("outbox")
        try OutboxRow(
            sequence: sequence,
            idempotencyKey: "\(terminal.terminalID)-\(sequence)-\(now.milliseconds)",
            command: command.rawValue,
            payload: try SyncJSON.encoder().encode(payload),
            baseVersion: baseVersion,
            priority: priority,
            status: .pending,
            attempts: 0,
            createdAt: now.milliseconds
        ).insert(db)
    }

    /// Appends a ledger entry chained onto the recorded head, and moves the head to it.
    func log(_ action: String, subject: LedgerSubject, by principal: Principal, detail: String) throws {
        try append(
            LedgerEntry(
                following: try LedgerHeadRow.fetchOne(db)?.head,
                at: now,
                actor: principal,
                action: action,
                subject: subject,
                terminalID: terminal.terminalID,
                regionCode: terminal.jurisdiction.regionPrefix,
                detail: detail,
                key: key
            ))
    }

    /// Appends the entry that seals a ledger of plain SHA-256 entries (from before migration
    /// `v10-ledger-key`) under the key: from it on, the chain is keyed.
    func seal(after head: LedgerHead) throws {
        try append(
            .seal(
                following: head, at: now, terminalID: terminal.terminalID,
                regionCode: terminal.jurisdiction.regionPrefix, key: key))
    }

    private func append(_ entry: LedgerEntry) throws {
        try LedgerRow(entry).insert(db)
        try LedgerHeadRow(sequence: entry.sequence, hash: entry.hash, keyCheck: key.check).save(db)
    }
}

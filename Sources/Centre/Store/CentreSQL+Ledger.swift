import Foundation
import KioskCore

/// The statements of the centre's chained ledger: its head read (locked on PostgreSQL, so that two
/// writers chain one after the other), an entry added after it, and the whole chain for a check.
extension CentreSQL {
    /// The head; `locked` to the end of the transaction for a writer, where the dialect can (SQLite's
    /// one writer needs no lock).
    func ledgerHead(locked: Bool) -> Statement {
        Statement(
            sql: "SELECT \(CentreLedgerHead.columnList()) FROM centreLedgerHead WHERE id = 1"
                + (locked && dialect == .postgres ? " FOR UPDATE" : ""),
            arguments: [])
    }

    /// The entry recording `event` after `head`, sealed with `key`, and the head moved on to it.
    /// Throws ``CentreError/ledgerKeyMismatch`` when the ledger is sealed with another key.
    func ledgerWrites(_ event: CentreLedgerEvent, after head: CentreLedgerHead?, key: LedgerKey, at now: Date) throws
        -> [Statement]
    {
        // The migration writes the head; a database without it is not one this centre made.
        guard let head else { throw CorruptRow(table: CentreLedgerHead.tableName, column: "id") }
        guard head.keyCheck.isEmpty || head.keyCheck == key.check else { throw CentreError.ledgerKeyMismatch }
        let entry = LedgerEntry(
            following: head.previous, at: now, actorName: event.actor, action: event.action, subject: event.subject,
            regionCode: event.regionCode, detail: event.detail, key: key)
        return [
            try insert(entry),
            Statement(
                sql: """
                    UPDATE centreLedgerHead SET sequence = \(parameter(1)), hash = \(parameter(2)),
                        keyCheck = \(parameter(3)) WHERE id = 1
                    """,
                arguments: [.integer(entry.sequence), .text(entry.hash), .text(key.check)]),
        ]
    }

    /// The entries from `sequence` on, at most `limit` (all when nil), in order.
    func ledgerEntries(from sequence: Int64 = 1, limit: Int? = nil) -> Statement {
        Statement(
            sql: """
                SELECT \(LedgerEntry.columnList()) FROM centreLedger WHERE sequence >= \(parameter(1))
                ORDER BY sequence\(limit.map { " LIMIT \($0)" } ?? "")
                """,
            arguments: [.integer(sequence)])
    }
}

import GRDB
import KioskCore

/// The single row of `ledgerHead`: the last entry's sequence and hash, written in the same
/// transaction as the entry. Kept apart from the ledger so that entries cut off its end show.
struct LedgerHeadRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "ledgerHead"

    /// Always 1: the table has one row.
    var id = 1
    var sequence: Int64
    var hash: String
    /// The check value of the key the chain is sealed with (``LedgerKey/check``); nil while the
    /// ledger holds only entries from before the key (migration `v10-ledger-key`).
    var keyCheck: String?

    var head: LedgerHead { LedgerHead(sequence: sequence, hash: hash) }
}

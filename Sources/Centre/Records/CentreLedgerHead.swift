import KioskCore

/// The one row of `centreLedgerHead`: the last entry of the centre's ledger, kept beside it so that
/// entries cut off the end show, and the check value of the key that seals it, so that a wrong key
/// file is named as such instead of breaking the chain.
struct CentreLedgerHead: FetchableCentreRecord, Sendable {
    static let tableName = "centreLedgerHead"

    enum Columns: Int, TableColumns {
        case sequence, hash, keyCheck
    }

    var head: LedgerHead
    /// Empty until the first entry.
    var keyCheck: String

    init(row: TableRow<CentreLedgerHead>) throws {
        head = LedgerHead(sequence: try row.integer(.sequence), hash: try row.text(.hash))
        keyCheck = try row.text(.keyCheck)
    }

    /// The head an entry follows; nil for an empty ledger.
    var previous: LedgerHead? { head.sequence == 0 ? nil : head }
}

extension CentreLedgerHead? {
    /// The chain `entries` checked against this head (none: a database from before the ledger).
    func verify(_ entries: [LedgerEntry], key: LedgerKey) -> LedgerVerifier.Finding {
        let check = self?.keyCheck ?? ""
        return LedgerVerifier.verify(
            entries, head: self?.head ?? .empty, key: key, keyCheck: check.isEmpty ? nil : check)
    }
}

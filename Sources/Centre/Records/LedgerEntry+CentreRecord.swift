import KioskCore

/// A row of `centreLedger`, the centre's own chained ledger (``CentreLedgerEvent``).
extension LedgerEntry: CentreRecord {
    static let tableName = "centreLedger"

    enum Columns: Int, TableColumns {
        case sequence, atMilliseconds, actor, action, subject, terminalID, regionCode, detail, previousHash, hash
    }

    init(row: TableRow<LedgerEntry>) throws {
        self.init(
            sequence: try row.integer(.sequence), atMilliseconds: try row.integer(.atMilliseconds),
            actor: try row.text(.actor), action: try row.text(.action), subject: try row.text(.subject),
            terminalID: try row.text(.terminalID), regionCode: try row.text(.regionCode),
            detail: try row.text(.detail), previousHash: try row.text(.previousHash), hash: try row.text(.hash))
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .sequence: .integer(sequence)
        case .atMilliseconds: .integer(atMilliseconds)
        case .actor: .text(actor)
        case .action: .text(action)
        case .subject: .text(subject)
        case .terminalID: .text(terminalID)
        case .regionCode: .text(regionCode)
        case .detail: .text(detail)
        case .previousHash: .text(previousHash)
        case .hash: .text(hash)
        }
    }
}

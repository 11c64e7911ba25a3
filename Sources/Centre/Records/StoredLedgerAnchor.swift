import Foundation
import KioskCore

/// A row of `ledgerAnchor`: the last head of a terminal's ledger the centre accepted, and when.
struct StoredLedgerAnchor: CentreRecord, Hashable {
    static let tableName = "ledgerAnchor"

    enum Columns: Int, TableColumns {
        case terminalID, sequence, hash, anchoredAt
    }

    var terminalID: String
    var head: LedgerHead
    var anchoredAt: Date

    init(terminalID: String, head: LedgerHead, anchoredAt: Date) {
        self.terminalID = terminalID
        self.head = head
        self.anchoredAt = anchoredAt
    }

    init(row: TableRow<StoredLedgerAnchor>) throws {
        self.init(
            terminalID: try row.text(.terminalID),
            head: LedgerHead(sequence: try row.integer(.sequence), hash: try row.text(.hash)),
            anchoredAt: Date(milliseconds: try row.integer(.anchoredAt)))
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .terminalID: .text(terminalID)
        case .sequence: .integer(head.sequence)
        case .hash: .text(head.hash)
        case .anchoredAt: .integer(anchoredAt.milliseconds)
        }
    }
}

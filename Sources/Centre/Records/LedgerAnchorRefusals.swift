import Foundation
import KioskCore

/// The answer of ``CentreSQL/ledgerAnchorRefusals(_:)``: how many heads of a terminal's ledger
/// were refused, over all rows of `ledgerAnchorRefusal`, and when the last was.
struct LedgerAnchorRefusals: FetchableCentreRecord {
    static let tableName = "ledgerAnchorRefusal"

    enum Columns: Int, TableColumns {
        case refusals, lastRefusedAt
    }

    var refusals: Int
    var lastRefusedAt: Date?

    init(row: TableRow<LedgerAnchorRefusals>) throws {
        refusals = Int(try row.integer(.refusals))
        lastRefusedAt = try row.optionalInteger(.lastRefusedAt).map(Date.init(milliseconds:))
    }
}

extension LedgerAnchor {
    /// What a store read of a terminal's ledger: its anchor row (nil before its first head) and refusals.
    init(_ anchored: StoredLedgerAnchor?, _ refusals: LedgerAnchorRefusals?) {
        self.init(
            head: anchored?.head, anchoredAt: anchored?.anchoredAt, refusals: refusals?.refusals ?? 0,
            lastRefusedAt: refusals?.lastRefusedAt)
    }
}

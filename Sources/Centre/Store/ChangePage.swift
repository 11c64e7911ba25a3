import Foundation
import KioskCore

/// Builds one page of changes from each table's oldest changes after the cursor: every table was
/// asked for `limit` rows, so the `limit` lowest sequence numbers among them are the next ones overall.
struct ChangePage {
    private var rows: [(sequence: Int64, apply: (inout ReferenceDataPage) -> Void)] = []

    mutating func add<Record>(
        _ changed: [(sequence: Int64, record: Record)], to keyPath: WritableKeyPath<ReferenceDataPage, [Record]>
    ) {
        rows += changed.map { row in (row.sequence, { page in page[keyPath: keyPath].append(row.record) }) }
    }

    /// Cards are stored with their region; the page carries the card alone.
    mutating func add(cards changed: [(sequence: Int64, record: StoredCard)]) {
        rows += changed.map { row in (row.sequence, { page in page.cardRecords.append(row.record.card) }) }
    }

    func changes(after cursor: SyncCursor, limit: Int, at now: Date) -> SyncChanges {
        let taken = rows.sorted { $0.sequence < $1.sequence }.prefix(limit)
        var page = ReferenceDataPage(cursor: SyncCursor(taken.last?.sequence ?? cursor.sequence).description, asOf: now)
        for row in taken { row.apply(&page) }
        return SyncChanges(page: page, hasMore: rows.count > limit)
    }
}

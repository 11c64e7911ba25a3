import Foundation
import KioskCore

/// A row of `removal`: a record that terminals serving `regionCode` must forget, under the change
/// number of its removal. `movedTo` is where it went when it moved rather than went away.
struct StoredRemoval: Sendable {
    var record: ReferenceRemoval.Record
    var regionCode: String
    var movedTo: String?
    var removedAt: Date

    /// What a terminal of the region is told.
    var removal: ReferenceRemoval { ReferenceRemoval(record, reason: movedTo == nil ? .removed : .movedOut) }
}

extension StoredRemoval: CentreRecord {
    static let tableName = "removal"

    enum Columns: Int, TableColumns {
        case kind, recordKey, regionCode, movedTo, removedAt
    }

    init(row: TableRow<StoredRemoval>) throws {
        guard let record = ReferenceRemoval.Record(kind: try row.text(.kind), key: try row.text(.recordKey)) else {
            throw CorruptRow(Self.self, .recordKey)
        }
        self.init(
            record: record, regionCode: try row.text(.regionCode), movedTo: try row.optionalText(.movedTo),
            removedAt: Date(milliseconds: try row.integer(.removedAt)))
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .kind: .text(record.kind)
        case .recordKey: .text(record.key)
        case .regionCode: .text(regionCode)
        case .movedTo: SQLValue(movedTo)
        case .removedAt: .integer(removedAt.milliseconds)
        }
    }
}

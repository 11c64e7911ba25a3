import Foundation
import KioskCore

/// A row of `snapshotPull`: the jurisdiction as its region prefix, instants in milliseconds.
extension SnapshotPull: CentreRecord {
    static let tableName = "snapshotPull"

    enum Columns: Int, TableColumns {
        case id, terminalID, jurisdiction, cursor, startedAt, rowCount, finishedAt, resumed
    }

    init(row: TableRow<SnapshotPull>) throws {
        guard let jurisdiction = try? Jurisdiction(try row.text(.jurisdiction)) else {
            throw CorruptRow(Self.self, .jurisdiction)
        }
        self.init(
            id: try row.text(.id), terminalID: try row.text(.terminalID), jurisdiction: jurisdiction,
            cursor: SyncCursor(try row.integer(.cursor)), startedAt: Date(milliseconds: try row.integer(.startedAt)),
            rowCount: try row.optionalInteger(.rowCount).map { Int($0) },
            finishedAt: try row.optionalInteger(.finishedAt).map { Date(milliseconds: $0) },
            resumed: try row.integer(.resumed) != 0)
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .id: .text(id)
        case .terminalID: .text(terminalID)
        case .jurisdiction: .text(jurisdiction.regionPrefix)
        case .cursor: .integer(cursor.sequence)
        case .startedAt: .integer(startedAt.milliseconds)
        case .rowCount: SQLValue(rowCount)
        case .finishedAt: SQLValue(finishedAt?.milliseconds)
        case .resumed: .integer(resumed ? 1 : 0)
        }
    }
}

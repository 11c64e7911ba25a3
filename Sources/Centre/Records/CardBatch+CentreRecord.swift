import Foundation
import KioskCore

/// A row of `cardBatch`, the instant in milliseconds.
extension CardBatch: CentreRecord {
    static let tableName = "cardBatch"

    enum Columns: Int, TableColumns {
        case id, regionCode, status, createdAt, cardCount
    }

    init(row: TableRow<CardBatch>) throws {
        guard let status = Status(rawValue: try row.text(.status)) else { throw CorruptRow(Self.self, .status) }
        self.init(
            id: try row.text(.id), regionCode: try row.text(.regionCode), status: status,
            createdAt: Date(milliseconds: try row.integer(.createdAt)), cardCount: Int(try row.integer(.cardCount)))
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .id: .text(id)
        case .regionCode: .text(regionCode)
        case .status: .text(status.rawValue)
        case .createdAt: .integer(createdAt.milliseconds)
        case .cardCount: .integer(Int64(cardCount))
        }
    }
}

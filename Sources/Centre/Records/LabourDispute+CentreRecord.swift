import Foundation
import KioskCore

/// A row of `dispute`, placed by the area of the office that took it; the case whole as its JSON.
extension LabourDispute: CentreRecord {
    static let tableName = "dispute"

    enum Columns: Int, TableColumns {
        case id, idNumber, regionCode, dispute
    }

    init(row: TableRow<LabourDispute>) throws {
        guard
            let dispute = try? SyncJSON.decoder().decode(LabourDispute.self, from: Data(try row.text(.dispute).utf8)),
            dispute.id == (try row.text(.id))
        else { throw CorruptRow(Self.self, .dispute) }
        self = dispute
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .id: .text(id)
        case .idNumber: .text(idNumber)
        case .regionCode: .text(regionCode)
        case .dispute: .text(String(decoding: try SyncJSON.encoder().encode(self), as: UTF8.self))
        }
    }
}

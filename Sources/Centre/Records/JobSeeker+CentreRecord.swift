import Foundation
import KioskCore

/// A row of `jobSeeker`, keyed by the registration's id, placed by its person's region; the
/// registration with its entries as its JSON.
extension JobSeeker: CentreRecord {
    static let tableName = "jobSeeker"

    enum Columns: Int, TableColumns {
        case id, idNumber, record
    }

    static let primaryKey: [Columns] = [.id]

    init(row: TableRow<JobSeeker>) throws {
        guard let record = try? SyncJSON.decoder().decode(JobSeeker.self, from: Data(try row.text(.record).utf8)),
            record.id == (try row.text(.id)), record.idNumber == (try row.text(.idNumber))
        else { throw CorruptRow(Self.self, .record) }
        self = record
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .id: .text(id)
        case .idNumber: .text(idNumber)
        case .record: .text(String(decoding: try SyncJSON.encoder().encode(self), as: UTF8.self))
        }
    }
}

import Foundation
import KioskCore

/// A row of `notice`: a policy notice as the county published it, as JSON.
extension PolicyNotice: CentreRecord {
    static let tableName = "notice"

    enum Columns: Int, TableColumns {
        case id, notice
    }

    init(row: TableRow<PolicyNotice>) throws {
        guard let notice = try? JSONDecoder().decode(PolicyNotice.self, from: Data(try row.text(.notice).utf8)),
            notice.id == (try row.text(.id))
        else { throw CorruptRow(Self.self, .notice) }
        self = notice
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .id: .text(id)
        case .notice: .text(String(decoding: try JSONEncoder().encode(self), as: UTF8.self))
        }
    }
}

import Foundation
import KioskCore

/// A row of `pensionGradeTable`: the residents' pension's grades as the county published them, as JSON.
extension PensionGradeTable: CentreRecord {
    static let tableName = "pensionGradeTable"

    enum Columns: Int, TableColumns {
        case id, grades
    }

    init(row: TableRow<PensionGradeTable>) throws {
        guard let table = try? JSONDecoder().decode(PensionGradeTable.self, from: Data(try row.text(.grades).utf8)),
            table.id == (try row.text(.id))
        else { throw CorruptRow(Self.self, .grades) }
        self = table
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .id: .text(id)
        case .grades: .text(String(decoding: try JSONEncoder().encode(self), as: UTF8.self))
        }
    }
}

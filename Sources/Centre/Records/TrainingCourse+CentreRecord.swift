import Foundation
import KioskCore

/// A row of `trainingCourse`, placed by where it is held; the course whole as its JSON.
extension TrainingCourse: CentreRecord {
    static let tableName = "trainingCourse"

    enum Columns: Int, TableColumns {
        case id, regionCode, course
    }

    init(row: TableRow<TrainingCourse>) throws {
        guard let course = try? JSONDecoder().decode(TrainingCourse.self, from: Data(try row.text(.course).utf8)),
            course.id == (try row.text(.id))
        else { throw CorruptRow(Self.self, .course) }
        self = course
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .id: .text(id)
        case .regionCode: .text(regionCode)
        case .course: .text(String(decoding: try JSONEncoder().encode(self), as: UTF8.self))
        }
    }
}

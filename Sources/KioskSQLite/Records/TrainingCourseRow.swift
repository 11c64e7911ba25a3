import Foundation
import GRDB
import KioskCore

/// A row of `trainingCourse`: the course as its JSON, with the columns it is looked up by.
struct TrainingCourseRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "trainingCourse"

    var id: String
    var regionCode: String
    var endsOn: String
    var course: String

    init(_ course: TrainingCourse) throws {
        id = course.id
        regionCode = course.regionCode
        endsOn = course.endsOn
        self.course = String(decoding: try JSONEncoder().encode(course), as: UTF8.self)
    }

    func trainingCourse() throws -> TrainingCourse {
        try JSONDecoder().decode(TrainingCourse.self, from: Data(course.utf8))
    }
}

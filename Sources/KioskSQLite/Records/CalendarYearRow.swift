import Foundation
import GRDB
import KioskCore

/// A row of `calendarYear` (v14): a year of holidays and adjusted working days as the centre
/// published it, the days as JSON arrays of `YYYY-MM-DD`.
struct CalendarYearRow: FetchableRecord, PersistableRecord {
    static let databaseTableName = "calendarYear"

    var year: WorkingCalendar.PublishedYear

    init(_ year: WorkingCalendar.PublishedYear) { self.year = year }

    init(row: Row) throws {
        let decoder = JSONDecoder()
        year = WorkingCalendar.PublishedYear(
            year: row["year"],
            holidays: try decoder.decode([String].self, from: Data((row["holidays"] as String).utf8)),
            workdays: try decoder.decode([String].self, from: Data((row["workdays"] as String).utf8)),
            source: row["source"])
    }

    func encode(to container: inout PersistenceContainer) throws {
        let encoder = JSONEncoder()
        container["year"] = year.year
        container["holidays"] = String(decoding: try encoder.encode(year.holidays), as: UTF8.self)
        container["workdays"] = String(decoding: try encoder.encode(year.workdays), as: UTF8.self)
        container["source"] = year.source
    }
}

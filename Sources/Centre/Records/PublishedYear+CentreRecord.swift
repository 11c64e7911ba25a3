import Foundation
import KioskCore

/// A row of `calendarYear`: a year's holidays and adjusted working days, the days as JSON arrays.
extension WorkingCalendar.PublishedYear: CentreRecord {
    static let tableName = "calendarYear"

    enum Columns: Int, TableColumns {
        case year, holidays, workdays, source
    }

    init(row: TableRow<WorkingCalendar.PublishedYear>) throws {
        func days(_ column: Columns) throws -> [String] {
            guard let days = try? JSONDecoder().decode([String].self, from: Data(try row.text(column).utf8)) else {
                throw CorruptRow(Self.self, column)
            }
            return days
        }
        self.init(
            year: Int(try row.integer(.year)), holidays: try days(.holidays), workdays: try days(.workdays),
            source: try row.text(.source))
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .year: .integer(Int64(year))
        case .holidays: .text(String(decoding: try JSONEncoder().encode(holidays), as: UTF8.self))
        case .workdays: .text(String(decoding: try JSONEncoder().encode(workdays), as: UTF8.self))
        case .source: .text(source)
        }
    }
}

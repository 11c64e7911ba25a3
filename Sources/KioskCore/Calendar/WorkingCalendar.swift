import Foundation

/// The days a service hall works, which time limits (限时办结) count: Monday to Friday, less the
/// public holidays, plus the weekend days worked in their place (调休), as the State Council
/// publishes them for each year. A year with nothing published counts Monday to Friday only.
///
/// Days are calendar days in China's time zone, written `YYYY-MM-DD`, so a year's arrangement can be
/// entered, checked and passed on as data.
public struct WorkingCalendar: Codable, Hashable, Sendable {
    public var years: [PublishedYear]

    /// One year's arrangement as published (国务院办公厅关于…年部分节假日安排的通知).
    public struct PublishedYear: Codable, Hashable, Sendable {
        public var year: Int
        /// Days off: the holidays and the weekdays given off around them.
        public var holidays: [String]
        /// Saturdays and Sundays worked in exchange (调休上班).
        public var workdays: [String]
        /// Where the arrangement was published.
        public var source: String

        public init(year: Int, holidays: [String], workdays: [String], source: String) {
            self.year = year
            self.holidays = holidays
            self.workdays = workdays
            self.source = source
        }

        /// The year in a line, for a ledger or an operator: what it holds and where it was published.
        public var summary: String {
            "\(year): \(holidays.count) days off, \(workdays.count) weekend days worked; \(source)"
        }
    }

    public init(years: [PublishedYear]) {
        self.years = years
    }

    /// China's calendar days: every limit is counted where the hall is.
    public static let china: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return calendar
    }()

    /// Whether the hall works on the day `date` falls on.
    public func isWorkingDay(_ date: Date) -> Bool {
        let day = Self.key(of: date)
        if years.contains(where: { $0.workdays.contains(day) }) { return true }
        if years.contains(where: { $0.holidays.contains(day) }) { return false }
        return !Self.china.isDateInWeekend(date)
    }

    /// The last second of the `workingDays`-th working day after the day of `date`; with 0, the end of
    /// that same day (a same-day service).
    public func endOfWorkingDay(_ workingDays: Int, after date: Date) -> Date {
        var day = Self.china.startOfDay(for: date)
        var remaining = workingDays
        while remaining > 0 {
            day = Self.china.date(byAdding: .day, value: 1, to: day)!
            if isWorkingDay(day) { remaining -= 1 }
        }
        return Self.china.date(byAdding: DateComponents(day: 1, second: -1), to: day)!
    }

    /// The working days after the day of `start` up to and including the day of `end`: what is left
    /// of a limit ending at `end` when its clock stops at `start`.
    public func workingDays(after start: Date, through end: Date) -> Int {
        var day = Self.china.startOfDay(for: start)
        let last = Self.china.startOfDay(for: end)
        var count = 0
        while day < last {
            day = Self.china.date(byAdding: .day, value: 1, to: day)!
            if isWorkingDay(day) { count += 1 }
        }
        return count
    }

    /// What is wrong with the data, in plain words; empty when nothing is.
    public var problems: [String] {
        var problems: [String] = []
        for published in years {
            for (list, name) in [(published.holidays, "holiday"), (published.workdays, "working day")] {
                for day in list {
                    guard let date = Self.date(day) else {
                        problems.append("\(published.year): the \(name) \"\(day)\" is not a date written YYYY-MM-DD")
                        continue
                    }
                    if Self.china.component(.year, from: date) != published.year {
                        problems.append("\(published.year): the \(name) \(day) is in another year")
                    }
                    if name == "working day", !Self.china.isDateInWeekend(date) {
                        problems.append("\(published.year): the working day \(day) is a weekday, worked anyway")
                    }
                }
            }
            for day in Set(published.holidays).intersection(published.workdays).sorted() {
                problems.append("\(published.year): \(day) is both a holiday and a working day")
            }
        }
        let repeated = Dictionary(grouping: years, by: \.year).filter { $0.value.count > 1 }.keys.sorted()
        problems += repeated.map { "\($0) is published more than once" }
        return problems
    }

    /// The day `date` falls on in China, "YYYY-MM-DD": how days are written in data and compared.
    public static func key(of date: Date) -> String {
        let parts = china.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// The first moment in China of the day `key` ("YYYY-MM-DD") names; nil for one that is not a day.
    public static func date(_ key: String) -> Date? {
        let parts = key.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, key.count == 10,
            let date = china.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        else { return nil }
        return self.key(of: date) == key ? date : nil
    }
}

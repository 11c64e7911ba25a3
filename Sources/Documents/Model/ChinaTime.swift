import Foundation

/// Clock readings in China Standard Time (UTC+8, no daylight saving), the time every document prints.
enum ChinaTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar
    }()

    /// Whether the Gregorian calendar has this day.
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        DateComponents(year: year, month: month, day: day).isValidDate(in: calendar)
    }

    /// The calendar day of an instant in China.
    static func date(of instant: Date) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        // The calendar only hands out days that exist.
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// `14:05` in China.
    static func time(of instant: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return CalendarDate.twoDigits(parts.hour!) + ":" + CalendarDate.twoDigits(parts.minute!)
    }

    /// `03-01 14:05` in China: a time within a month's register.
    static func dayAndTime(of instant: Date) -> String {
        let day = date(of: instant)
        return CalendarDate.twoDigits(day.month) + "-" + CalendarDate.twoDigits(day.day) + " " + time(of: instant)
    }

    /// `2025年3月1日 14:05` or `1 March 2025 14:05`.
    static func dateTime(of instant: Date, _ language: DocumentLanguage) -> String {
        date(of: instant).formatted(language) + " " + time(of: instant)
    }
}

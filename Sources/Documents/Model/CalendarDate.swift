import Foundation
import Vocabulary

/// A day of the calendar (a birth date, an issue date, a registration date), not an instant.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Fails for a day that does not exist, such as 2023-02-29.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), ChinaTime.isValid(year: year, month: month, day: day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day an instant falls on in China (UTC+8), the day every document prints.
    public init(_ instant: Date) {
        self = ChinaTime.date(of: instant)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2025年3月1日` or `1 March 2025`.
    public func formatted(_ language: DocumentLanguage) -> String {
        switch language {
        case .chinese: "\(year)年\(month)月\(day)日"
        case .english: "\(day) \(YearMonth.englishMonths[month - 1]) \(year)"
        }
    }

    /// `20250301`, the compact form of verification payloads.
    var compact: String { "\(year)" + Self.twoDigits(month) + Self.twoDigits(day) }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

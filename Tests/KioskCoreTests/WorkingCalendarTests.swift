import Foundation
import KioskCore
import Testing

/// Time limits across 2026's national holidays and the weekend days worked for them (调休), as the
/// State Council published them: what a clerk's "five working days" means in each season.
@Suite struct WorkingCalendarTests {
    let calendar = WorkingCalendar.published

    /// 10:00 in Beijing on `day` (YYYY-MM-DD).
    static func morning(_ day: String) -> Date {
        ISO8601DateFormatter().date(from: "\(day)T02:00:00Z")!
    }

    /// The day (YYYY-MM-DD, Beijing) of `date`.
    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    @Test func thePublishedDataHasNoMistakes() {
        #expect(calendar.problems.isEmpty, "\(calendar.problems)")
        #expect(calendar.years.map(\.year) == [2026])
    }

    @Test(arguments: [
        // Holidays, including a weekday given off: no work.
        ("2026-01-01", false), ("2026-01-02", false), ("2026-02-16", false), ("2026-02-23", false),
        ("2026-04-06", false), ("2026-05-04", false), ("2026-05-05", false), ("2026-06-19", false),
        ("2026-09-25", false), ("2026-10-05", false), ("2026-10-07", false),
        // Weekends worked in exchange.
        ("2026-01-04", true), ("2026-02-14", true), ("2026-02-28", true), ("2026-05-09", true),
        ("2026-09-20", true), ("2026-10-10", true),
        // An ordinary weekday and an ordinary weekend.
        ("2026-03-10", true), ("2026-03-14", false), ("2026-03-15", false),
    ])
    func eachDayIsWorkedOrNotAsPublished(day: String, worked: Bool) {
        #expect(calendar.isWorkingDay(Self.morning(day)) == worked)
    }

    @Test(arguments: [
        // Before 春节: Thu 12 Feb + 5 = Sat 14 Feb (worked), then the holiday to 23 Feb, so Tue 24, Wed 25, Thu 26.
        ("2026-02-12", 5, "2026-02-26"),
        // Before 国庆: Fri 18 Sep + 5 = Sun 20 Sep (worked), 21, 22, 23, 24 Sep; 25-27 is 中秋.
        ("2026-09-18", 5, "2026-09-24"),
        // Across 国庆: Tue 29 Sep + 5 = 30 Sep, then 8, 9 Oct, Sat 10 Oct (worked), 12 Oct.
        ("2026-09-29", 5, "2026-10-12"),
        // Across 劳动节: Thu 30 Apr + 3 = 6, 7, 8 May.
        ("2026-04-30", 3, "2026-05-08"),
        // Same-day on a holiday ends that evening: the service was given, the day does not move.
        ("2026-10-02", 0, "2026-10-02"),
        // An ordinary week: Mon 23 Nov + 5 = Mon 30 Nov.
        ("2026-11-23", 5, "2026-11-30"),
    ])
    func limitsCountOnlyWorkingDays(from day: String, workingDays: Int, due: String) {
        let end = calendar.endOfWorkingDay(workingDays, after: Self.morning(day))
        #expect(Self.day(end) == due)
        // The last second of that day in Beijing.
        #expect(Self.day(end.addingTimeInterval(1)) != due)
    }

    @Test func aYearNobodyPublishedCountsMondayToFriday() {
        // 2027 is not in the data: 1 Jan 2027 is a Friday and counts as an ordinary working day.
        #expect(calendar.isWorkingDay(Self.morning("2027-01-01")))
        #expect(Self.day(calendar.endOfWorkingDay(1, after: Self.morning("2027-01-01"))) == "2027-01-04")
    }

    @Test func aYearTheCentrePublishedReplacesThisVersionsOwnAndOthersStay() {
        let revised = WorkingCalendar.PublishedYear(
            year: 2026, holidays: ["2026-12-07"], workdays: [], source: "the centre's test arrangement")
        let year2027 = WorkingCalendar.PublishedYear(
            year: 2027, holidays: ["2027-01-01"], workdays: ["2027-01-09"], source: "the centre's test 2027")
        let merged = calendar.replacing(with: [year2027, revised])
        #expect(merged.years == [revised, year2027])
        #expect(!merged.isWorkingDay(Self.morning("2026-12-07")) && merged.isWorkingDay(Self.morning("2026-10-01")))
        #expect(!merged.isWorkingDay(Self.morning("2027-01-01")) && merged.isWorkingDay(Self.morning("2027-01-09")))
        #expect(calendar.replacing(with: []) == calendar)
    }

    @Test func wrongDataIsSaidInPlainWords() {
        let broken = WorkingCalendar(years: [
            .init(
                year: 2026, holidays: ["2026-02-30", "2025-12-31", "2026-03-02"],
                workdays: ["2026-03-02", "2026-03-03"],
                source: "typed by hand"),
            .init(year: 2026, holidays: [], workdays: [], source: "again"),
        ])
        let problems = broken.problems
        #expect(problems.contains("2026: the holiday \"2026-02-30\" is not a date written YYYY-MM-DD"))
        #expect(problems.contains("2026: the holiday 2025-12-31 is in another year"))
        #expect(problems.contains("2026: the working day 2026-03-03 is a weekday, worked anyway"))
        #expect(problems.contains("2026: 2026-03-02 is both a holiday and a working day"))
        #expect(problems.contains("2026 is published more than once"))
    }

    @Test func papersAwaitedOverTheHolidayGiveBackTheWorkingDaysThatWereLeft() throws {
        // A five-day pension enrolment on Mon 28 Sep is due on Sat 10 Oct: 29, 30 Sep, 8, 9 and 10 Oct (worked).
        var application = Application(
            id: "T1-9", kind: .residentPensionEnrolment, idNumber: "430102198507141238", submittedBy: "clerk-1",
            submittedAt: Self.morning("2026-09-28"), terminalID: "T1", regionCode: "430102")
        #expect(Self.day(application.deadline) == "2026-10-10")
        // Papers asked for on Wed 30 Sep (3 working days left: 8, 9, 10 Oct), brought on Mon 12 Oct.
        try application.move(to: .awaitingMaterials, by: "clerk-1", at: Self.morning("2026-09-30"))
        try application.move(to: .submitted, by: "clerk-1", at: Self.morning("2026-10-12"))
        #expect(Self.day(application.deadline) == "2026-10-15")
    }
}

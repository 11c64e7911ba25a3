import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    /// One day in China's time zone, for applications in `prefix`: what was taken, per service; of
    /// the same-day services taken, the share completed that day; what was still open past its
    /// deadline when the day ended; and what was completed that day.
    public func statistics(day: Date, region prefix: String) async throws -> DayStatistics {
        let calendar = WorkingCalendar.china
        let start = calendar.startOfDay(for: day)
        let end = calendar.date(byAdding: .day, value: 1, to: start)!
        let date = calendar.dateComponents([.year, .month, .day], from: start)
        let label = String(format: "%04d-%02d-%02d", date.year!, date.month!, date.day!)
        let (startMS, endMS) = (start.milliseconds, end.milliseconds)
        let sameDayKinds = ApplicationKind.allCases.filter { $0.timeLimitDays == 0 }.map(\.rawValue)

        return try await pool.read { db in
            let region = RegionPrefix(prefix).contains(ApplicationRow.Columns.regionCode)
            let submittedThatDay = ApplicationRow.filter(region).filter(
                ApplicationRow.Columns.submittedAt >= startMS && ApplicationRow.Columns.submittedAt < endMS)

            var perKind: [String: Int] = [:]
            let counts = try Row.fetchAll(
                db,
                submittedThatDay.select(ApplicationRow.Columns.kind, count(SQL("*"))).group(ApplicationRow.Columns.kind)
            )
            for row in counts { perKind[row[0]] = row[1] }

            let sameDay = submittedThatDay.filter(sameDayKinds.contains(ApplicationRow.Columns.kind))
            let sameDayTaken = try sameDay.fetchCount(db)
            let sameDayCompleted = try sameDay.filter(ApplicationRow.Columns.completedAt < endMS).fetchCount(db)

            // Open when the day ended: taken before its end and not closed by then.
            let overdue = try ApplicationRow.filter(region).filter(
                ApplicationRow.Columns.submittedAt < endMS
                    && (ApplicationRow.Columns.closedAt == nil || ApplicationRow.Columns.closedAt >= endMS)
                    && ApplicationRow.Columns.deadline < endMS && ApplicationRow.Columns.clockStoppedAt == nil
            ).fetchCount(db)
            let completed = try ApplicationRow.filter(region).filter(
                ApplicationRow.Columns.completedAt >= startMS && ApplicationRow.Columns.completedAt < endMS
            ).fetchCount(db)

            return DayStatistics(
                day: label,
                submittedPerKind: perKind,
                sameDayCompletionRate: sameDayTaken == 0 ? nil : Double(sameDayCompleted) / Double(sameDayTaken),
                overdue: overdue,
                completed: completed
            )
        }
    }
}

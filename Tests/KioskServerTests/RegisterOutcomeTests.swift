import Documents
import Foundation
import KioskCore
import Testing

@testable import KioskServer

@Suite("A register says whether each case was done in time")
struct RegisterOutcomeTests {
    static let monday = ISO8601DateFormatter().date(from: "2026-11-23T02:00:00Z")!

    static func application(_ kind: ApplicationKind = .residentPensionEnrolment) -> Application {
        Application(
            id: "T-1-1", kind: kind, idNumber: "430121198507141238", submittedBy: "clerk1", submittedAt: monday,
            terminalID: "T-1", regionCode: "430121101001")
    }

    @Test("done before the limit, done after it, pending within or past it, and the other ends")
    func outcomes() {
        var done = Self.application()
        done.status = .completed
        done.completedAt = done.deadline.addingTimeInterval(-60)
        #expect(TerminalDocuments.outcome(of: done, at: Self.monday) == .completed)
        done.completedAt = done.deadline.addingTimeInterval(60)
        #expect(TerminalDocuments.outcome(of: done, at: Self.monday) == .completedLate)
        let open = Self.application()
        #expect(TerminalDocuments.outcome(of: open, at: Self.monday) == .accepted)
        #expect(TerminalDocuments.outcome(of: open, at: open.deadline.addingTimeInterval(1)) == .late)
        var ended = open
        for (status, outcome) in [(ApplicationStatus.rejected, LedgerLine.Outcome.refused), (.withdrawn, .withdrawn)] {
            ended.status = status
            #expect(TerminalDocuments.outcome(of: ended, at: Self.monday) == outcome)
        }
    }

    @Test("a month runs from its first day to the next month's in China; a day, midnight to midnight")
    func bounds() {
        let (start, end) = TerminalDocuments.bounds(of: .month(year: 2026, month: 12))
        #expect(start == ISO8601DateFormatter().date(from: "2026-11-30T16:00:00Z"))
        #expect(end == ISO8601DateFormatter().date(from: "2026-12-31T16:00:00Z"))
        let (dayStart, dayEnd) = TerminalDocuments.bounds(of: .day(CalendarDate(year: 2026, month: 2, day: 28)!))
        #expect(dayStart == ISO8601DateFormatter().date(from: "2026-02-27T16:00:00Z"))
        #expect(dayEnd.timeIntervalSince(dayStart) == 86_400)
    }
}

import Foundation
import KioskCore
import Testing

@Suite("Day statistics")
struct StatisticsTests {
    typealias F = StoreFixture

    /// A Beijing wall-clock time in November 2026.
    static func beijing(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return calendar.date(from: DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute))!
    }

    @Test("Tuesday 24 November 2026 in Beijing, at a township terminal")
    func crafted() async throws {
        try await F.with { fixture in
            let store = fixture.store
            let people = F.residents
            func submit(_ kind: ApplicationKind, _ person: Int, _ at: Date) async throws -> Application {
                try await store.submit(ApplicationDraft(kind: kind, idNumber: people[person]), by: F.clerk, at: at)
            }
            func complete(_ application: Application, at: Date) async throws {
                _ = try await store.move(application: application.id, to: .approved, by: F.supervisor, at: at)
                _ = try await store.move(application: application.id, to: .completed, by: F.clerk, at: at)
            }
            // Someone of another township, cached: their application is outside the region asked for.
            try await store.applyReferenceData(
                ReferenceDataPage(
                    people: [
                        Person(
                            idNumber: people[7], name: "李娜", sex: .female,
                            birthDate: try .init(year: 1990, month: 1, day: 1),
                            regionCode: "430103002001")
                    ], cursor: "c", asOf: F.monday))

            // Before the day. Due on Friday 20th, still open: overdue.
            _ = try await submit(.residentPensionEnrolment, 0, Self.beijing(13, 10))
            // A same-day service of Monday never done: overdue.
            _ = try await submit(.lossReport, 1, Self.beijing(23, 10))
            // Twenty working days: not due yet.
            _ = try await submit(.cardApplication, 2, Self.beijing(23, 11))
            // Overdue since Monday, completed on the day: completed, no longer overdue.
            try await complete(try await submit(.lossReportLifting, 3, Self.beijing(23, 12)), at: Self.beijing(24, 9))

            // The day. 07:30 in Beijing is still the 23rd in UTC; completed at 08:00.
            try await complete(try await submit(.lossReport, 4, Self.beijing(24, 7, 30)), at: Self.beijing(24, 8))
            try await complete(try await submit(.lossReport, 5, Self.beijing(24, 9)), at: Self.beijing(24, 10))
            // Open at the end of the day although due that day: overdue.
            _ = try await submit(.trainingSignUp, 0, Self.beijing(24, 15))
            // Completed the next morning: not same-day, overdue when the day ended, not completed that day.
            try await complete(
                try await submit(.unemploymentRegistration, 1, Self.beijing(24, 16)), at: Self.beijing(25, 9))
            // Withdrawn: closed, so not overdue; not completed either.
            let withdrawn = try await submit(.trainingSignUp, 2, Self.beijing(24, 10))
            _ = try await store.move(application: withdrawn.id, to: .withdrawn, by: F.clerk, at: Self.beijing(24, 11))
            // Five working days: not due.
            _ = try await submit(.residentPensionEnrolment, 3, Self.beijing(24, 11))
            // 23:30 in Beijing is still the 24th there (15:30 UTC): overdue at the end of the day.
            _ = try await submit(.lossReport, 6, Self.beijing(24, 23, 30))
            // Outside the region.
            _ = try await submit(.lossReport, 7, Self.beijing(24, 12))

            // After the day: 00:30 on the 25th in Beijing is the 24th in UTC.
            _ = try await submit(.lossReport, 0, Self.beijing(25, 0, 30))

            let statistics = try await store.statistics(day: Self.beijing(24, 12), region: "430102001")
            #expect(statistics.day == "2026-11-24")
            #expect(
                statistics.submittedPerKind == [
                    "loss-report": 3, "training-sign-up": 2, "unemployment-registration": 1,
                    "resident-pension-enrolment": 1,
                ])
            // Same-day services taken: 3 loss reports, 2 training sign-ups, 1 unemployment registration; 2 done that day.
            #expect(statistics.sameDayCompletionRate == 2.0 / 6.0)
            #expect(statistics.overdue == 5)
            #expect(statistics.completed == 3)

            let everywhere = try await store.statistics(day: Self.beijing(24, 12), region: "4301")
            #expect(everywhere.submittedPerKind["loss-report"] == 4)
            #expect(everywhere.overdue == 6)

            let quiet = try await store.statistics(day: Self.beijing(10, 12), region: "430102001")
            #expect(quiet.submittedPerKind.isEmpty)
            #expect(quiet.sameDayCompletionRate == nil)
            #expect(quiet.overdue == 0)
        }
    }
}

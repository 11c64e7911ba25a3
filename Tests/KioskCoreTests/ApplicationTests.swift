import Foundation
import KioskCore
import Testing

@Suite("Applications")
struct ApplicationTests {
    static let monday = ISO8601DateFormatter().date(from: "2026-11-23T02:00:00Z")!

    func application(_ kind: ApplicationKind = .residentPensionEnrolment, by clerk: String = "clerk-1") -> Application {
        Application(
            id: "T1-1", kind: kind, idNumber: "430102198507141238", submittedBy: clerk, submittedAt: Self.monday,
            terminalID: "T1", regionCode: "430102")
    }

    @Test("the clerk who took it cannot approve it; another can")
    func separationOfDuties() throws {
        var app = application()
        #expect(throws: KioskError.sameClerk) { try app.move(to: .approved, by: "clerk-1", at: Self.monday) }
        try app.move(to: .approved, by: "supervisor-1", at: Self.monday)
        #expect(app.approvedBy == "supervisor-1")
        try app.move(to: .completed, by: "clerk-1", at: Self.monday)
        #expect(app.completedAt == Self.monday)
    }

    @Test("status moves follow the rules", arguments: ApplicationStatus.allCases)
    func statusMoves(from: ApplicationStatus) {
        let allowed: [ApplicationStatus: Set<ApplicationStatus>] = [
            .submitted: [.approved, .rejected, .needsReview, .withdrawn, .awaitingMaterials],
            .needsReview: [.approved, .rejected, .withdrawn],
            .awaitingMaterials: [.submitted, .rejected, .withdrawn],
            .approved: [.completed],
        ]
        for to in ApplicationStatus.allCases {
            #expect(from.canMove(to: to) == (allowed[from]?.contains(to) ?? false), "\(from) -> \(to)")
        }
    }

    @Test("a second open application for the same person and service goes to a supervisor")
    func duplicates() {
        let open = [application()]
        #expect(
            ApplicationRules.initialStatus(for: .residentPensionEnrolment, idNumber: "430102198507141238", open: open)
                == .needsReview)
        #expect(
            ApplicationRules.initialStatus(for: .lossReport, idNumber: "430102198507141238", open: open) == .submitted)
        #expect(
            ApplicationRules.initialStatus(for: .residentPensionEnrolment, idNumber: "11010519491231002X", open: open)
                == .submitted)
    }

    @Test("deadlines count working days in China's time zone; same-day services end that evening")
    func deadlines() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        // Monday 10:00 Beijing time + 5 working days = next Monday 23:59:59.
        #expect(
            formatter.string(from: application(.residentPensionEnrolment).deadline)
                == "2026-11-30T23:59:59+08:00")
        #expect(
            formatter.string(from: application(.lossReport).deadline)
                == "2026-11-23T23:59:59+08:00")
        var app = application(.lossReport)
        #expect(!app.isOverdue(at: Self.monday))
        #expect(app.isOverdue(at: Self.monday.addingTimeInterval(86_400)))
        app.status = .completed
        #expect(!app.isOverdue(at: Self.monday.addingTimeInterval(86_400)))
    }

    @Test("a resident (\"card\") neither approves nor completes an application, even one a clerk took")
    func residentDoesNotDecide() throws {
        var app = application()
        #expect(throws: KioskError.residentDecides) {
            try app.move(to: .approved, by: Application.resident, at: Self.monday)
        }
        try app.move(to: .approved, by: "supervisor-1", at: Self.monday)
        #expect(throws: KioskError.residentDecides) {
            try app.move(to: .completed, by: Application.resident, at: Self.monday)
        }
        #expect(app.status == .approved)
    }

    @Test("asking for papers stops the clock; when they arrive the deadline moves on by the wait")
    func clockStops() throws {
        var app = application(.lossReport)
        let deadline = app.deadline
        try app.move(to: .awaitingMaterials, by: "clerk-1", at: Self.monday)
        #expect(!app.isOverdue(at: Self.monday.addingTimeInterval(5 * 86_400)))
        try app.move(to: .submitted, by: "clerk-1", at: Self.monday.addingTimeInterval(2 * 86_400))
        #expect(app.deadline == deadline.addingTimeInterval(2 * 86_400))
        #expect(app.clockStoppedAt == nil)
        #expect(app.isOverdue(at: app.deadline.addingTimeInterval(1)))
    }
}

import Foundation
import KioskCore
import Testing

@Suite("Routes across levels")
struct ServiceRouteTests {
    /// Monday 23 November 2026, 10:00 in Beijing.
    static let monday = ISO8601DateFormatter().date(from: "2026-11-23T02:00:00Z")!
    static let countyDecides = ServiceRoute(
        kind: .employmentDifficulty,
        steps: [.init(level: .village, days: 2), .init(level: .township, days: 3), .init(level: .county, days: 10)])

    static func clerk(_ id: String, _ role: Role = .clerk, at area: String) throws -> Principal {
        .staff(StaffMember(id: id, name: id, role: role, jurisdiction: try Jurisdiction(area)))
    }

    static func application(route: ServiceRoute, filedAt level: ServiceLevel) -> Application {
        Application(
            id: "T1-1", kind: route.kind, idNumber: "430121198507141238", submittedBy: "clerk-v",
            submittedAt: monday, terminalID: "T1", regionCode: "430121101201", route: route, filedAt: level)
    }

    @Test("the national route: the village checks with a fifth of the limit, the township decides with the rest")
    func nationalRoute() {
        for kind in ApplicationKind.allCases {
            let route = ServiceRoute.national(kind)
            #expect(route.steps.map(\.level) == [.village, .township])
            #expect(route.totalDays == kind.timeLimitDays)
            #expect(route.problems.isEmpty)
        }
        let route = ServiceRoute.national(.cardApplication)
        #expect(route.steps.map(\.days) == [4, 16])
        #expect(route.startStep(filedAt: .village) == 0)
        #expect(route.startStep(filedAt: .township) == 1)
        #expect(route.startStep(filedAt: .county) == 1)
        #expect(Self.countyDecides.startStep(filedAt: .township) == 1)
    }

    @Test("a route's problems are said in plain words")
    func problems() {
        let backwards = ServiceRoute(
            kind: .lossReport, steps: [.init(level: .township, days: 1), .init(level: .village, days: 99)])
        #expect(
            backwards.problems == [
                "loss-report: step 2 (village) has 99 working days, not 0 to 60",
                "loss-report: step 2 (village) is not above step 1 (township)",
            ])
        #expect(ServiceRoute(kind: .lossReport, steps: []).problems == ["loss-report: the route has no step"])
    }

    @Test("each level does its step and reports up; only the deciding level approves, and no level below acts")
    func upTheLevels() throws {
        let village = try Self.clerk("clerk-v", at: "430121101201")
        let township = try Self.clerk("clerk-t", at: "430121101")
        let townshipSupervisor = try Self.clerk("super-t", .supervisor, at: "430121101")
        let countySupervisor = try Self.clerk("super-c", .supervisor, at: "430121")
        let tuesday = Self.monday.addingTimeInterval(86_400)
        var application = Self.application(route: Self.countyDecides, filedAt: .village)
        #expect(application.level == .village)
        #expect(application.stepDue == WorkingCalendar.published.endOfWorkingDay(2, after: Self.monday))
        #expect(application.deadline == WorkingCalendar.published.endOfWorkingDay(15, after: Self.monday))

        application = try CaseRules.apply(.take, to: application, by: village, at: Self.monday)
        #expect(throws: KioskError.notDecidingStep(.county)) {
            try CaseRules.apply(.approve, to: application, by: townshipSupervisor, at: Self.monday)
        }
        application = try CaseRules.apply(.reportUp, to: application, by: village, at: tuesday)
        #expect(application.level == .township)
        #expect(application.owner == nil)
        #expect(application.stepDue == WorkingCalendar.published.endOfWorkingDay(3, after: tuesday))
        #expect(throws: KioskError.levelBelowStep(.village, step: .township)) {
            try CaseRules.apply(.take, to: application, by: village, at: tuesday)
        }
        application = try CaseRules.apply(.take, to: application, by: township, at: tuesday)
        application = try CaseRules.apply(.reportUp, to: application, by: township, at: tuesday)
        #expect(throws: KioskError.levelBelowStep(.township, step: .county)) {
            try CaseRules.apply(.approve, to: application, by: townshipSupervisor, at: tuesday)
        }
        #expect(throws: KioskError.lastStep) {
            var copy = application
            try copy.reportUp(at: tuesday)
        }
        application = try CaseRules.apply(.approve, to: application, by: countySupervisor, at: tuesday)
        #expect(application.status == .approved)
        #expect(application.approvedBy == "super-c")
    }

    @Test("a case filed at the township hall skips the village's check; the village's may not skip it")
    func filedAtTheTownship() throws {
        let application = Self.application(route: Self.countyDecides, filedAt: .township)
        #expect(application.step == 1)
        #expect(application.stepDue == WorkingCalendar.published.endOfWorkingDay(3, after: Self.monday))
        let resident = Principal.resident(idNumber: "430121198507141238")
        let villageKiosk = TerminalIdentity(
            terminalID: "T1", jurisdiction: try Jurisdiction("430121101201"), name: "村服务点")
        #expect(resident.filingLevel(at: villageKiosk) == .village)
        #expect(try Self.clerk("clerk-t", at: "430121101").filingLevel(at: villageKiosk) == .township)
    }

    @Test("the reminder comes the working day before a limit, across the weekend, and not once it has passed")
    func dueSoon() {
        // The village's step (2 working days) ends on Wednesday 25 November.
        let application = Self.application(route: Self.countyDecides, filedAt: .village)
        let tuesdayMorning = Self.monday.addingTimeInterval(86_400)
        #expect(!application.isDueSoon(at: Self.monday))
        #expect(application.isDueSoon(at: tuesdayMorning))
        #expect(!application.isDueSoon(at: application.stepDue.addingTimeInterval(1)))
        #expect(application.isStepOverdue(at: application.stepDue.addingTimeInterval(1)))
        #expect(!application.isOverdue(at: application.stepDue.addingTimeInterval(1)))
        // A step due on Monday 30 November is due soon on the Friday before.
        var weekend = application
        weekend.stepDue = WorkingCalendar.published.endOfWorkingDay(
            0, after: Self.monday.addingTimeInterval(7 * 86_400))
        #expect(weekend.isDueSoon(at: Self.monday.addingTimeInterval(4 * 86_400)))
        #expect(!weekend.isDueSoon(at: Self.monday.addingTimeInterval(3 * 86_400)))
    }

    @Test("an application written before routes reads at its national route's deciding step")
    func decodesAnOlderApplication() throws {
        let older = """
            {"id":"T1-1","kind":"card-application","idNumber":"430121198507141238","status":"submitted",
             "submittedBy":"clerk-1","submittedAt":1795399200000,"deadline":1797868799000,
             "details":{},"terminalID":"T1","regionCode":"430121101201"}
            """
        let application = try SyncJSON.decoder().decode(Application.self, from: Data(older.utf8))
        #expect(application.route == ServiceRoute.national(.cardApplication).steps)
        #expect(application.isAtDecidingStep)
        #expect(application.stepDue == application.deadline)
        let noStep = older.replacingOccurrences(of: "\"details\"", with: "\"route\":[],\"details\"")
        #expect(throws: DecodingError.self) { try SyncJSON.decoder().decode(Application.self, from: Data(noStep.utf8)) }
    }

    @Test("a route kept without its step is at its last; a step the route does not have changes nothing")
    func restoresARouteAsKept() throws {
        var application = Application(
            id: "T1-2", kind: .residentPensionEnrolment, idNumber: "430121198507141238", submittedBy: "clerk-1",
            submittedAt: Date(milliseconds: 1_795_399_200_000), terminalID: "T1", regionCode: "430121101201")
        let threeLevels: [ServiceRoute.Step] = [
            .init(level: .village, days: 1), .init(level: .township, days: 2), .init(level: .county, days: 5),
        ]
        let lastStep = application.restoreRoute(threeLevels, step: nil, stepDue: nil)
        #expect(lastStep)
        #expect(application.level == .county && application.stepDue == application.deadline)
        let due = application.deadline.addingTimeInterval(-86_400)
        let secondStep = application.restoreRoute(threeLevels, step: 1, stepDue: due)
        #expect(secondStep)
        #expect(application.level == .township && application.stepDue == due)
        let noSuchStep = application.restoreRoute(threeLevels, step: 3, stepDue: nil)
        let noStep = application.restoreRoute([], step: nil, stepDue: nil)
        #expect(!noSuchStep && !noStep)
        #expect(application.level == .township && application.stepDue == due, "a refused route changes nothing")
    }

    @Test("published routes replace the national ones for their services only")
    func publishedRoutes() {
        let routes = ServiceRoutes.national.replacing(with: [Self.countyDecides])
        #expect(routes.route(for: .employmentDifficulty).decidingLevel == .county)
        #expect(routes.route(for: .cardApplication) == .national(.cardApplication))
        #expect(routes.all.count == ApplicationKind.allCases.count)
    }
}

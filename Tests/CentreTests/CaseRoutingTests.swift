import Centre
import Foundation
import KioskCore
import Testing

/// A case going up the levels through the centre: a village's terminal checks it and reports it
/// up, the township's reviews and reports it up, the county's decides; each pulls it from the
/// centre, and every level below the step is refused. Both stores.
@Suite struct CaseRoutingTests {
    static let route = ServiceRoute(
        kind: .residentPensionEnrolment,
        steps: [.init(level: .village, days: 1), .init(level: .township, days: 2), .init(level: .county, days: 5)])

    @Test(arguments: StoreKind.testable)
    func aCaseGoesUpTheLevelsAndItsDecisionComesBackDown(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            try await store.publish(Self.route)
            let person = home[0].people[0]
            let village = try Jurisdiction(person.regionCode)
            let (villageTerminal, _) = try Fixtures.terminal("T-201", jurisdiction: village.regionPrefix)
            let (township, _) = try Fixtures.terminal("T-101")
            let (county, _) = try Fixtures.terminal("T-301", jurisdiction: Fixtures.county)

            let application = Application(
                id: "T-201-1", kind: .residentPensionEnrolment, idNumber: person.idNumber, submittedBy: "vclerk",
                submittedAt: Fixtures.now, terminalID: "T-201", regionCode: person.regionCode, route: Self.route,
                filedAt: .village)
            var counter = 0
            func send(
                _ action: CaseAction?, _ status: ApplicationStatus, by actor: String, owner: String? = nil,
                base: Int, from terminal: RegisteredTerminal
            ) async throws -> SyncCommandResult {
                counter += 1
                let move = ApplicationMovePayload(
                    id: "T-201-1", action: action, status: status, owner: owner, by: actor, at: Fixtures.now)
                let command = try Fixtures.command(.applicationMove, move, key: "m\(counter)", base: base)
                return try #require(try await store.apply([command], from: terminal, at: Fixtures.now).first)
            }

            let submitted = try await store.apply(
                [try Fixtures.command(.applicationSubmit, application, key: "s1")], from: villageTerminal,
                at: Fixtures.now)
            #expect(submitted.map(\.outcome) == [.applied])
            #expect(
                try await send(.take, .submitted, by: "vclerk", owner: "vclerk", base: 1, from: villageTerminal).version
                    == 2)
            #expect(try await send(.reportUp, .submitted, by: "vclerk", base: 2, from: villageTerminal).version == 3)

            // Up at the township: the village may no longer act, and the township sees it come down.
            let late = try await send(.take, .submitted, by: "vclerk", owner: "vclerk", base: 3, from: villageTerminal)
            #expect(late.outcome == .refused)
            #expect(late.reason?.hasPrefix("wrong-level") == true)
            let atTownship = try await Self.copy(of: "T-201-1", in: store, area: Fixtures.home)
            #expect(atTownship?.application.level == .township)
            #expect(atTownship?.application.owner == nil)
            #expect(atTownship?.version == 3)

            #expect(
                try await send(.take, .submitted, by: "tclerk", owner: "tclerk", base: 3, from: township).version == 4)
            let tooLow = try await send(.approve, .approved, by: "tsuper", base: 4, from: township)
            #expect(tooLow.reason?.hasPrefix("not-deciding-step") == true)
            #expect(try await send(.reportUp, .submitted, by: "tclerk", base: 4, from: township).version == 5)
            let townshipDecides = try await send(.approve, .approved, by: "tsuper", base: 5, from: township)
            #expect(townshipDecides.reason?.hasPrefix("wrong-level") == true)

            // The county decides; the decision comes down to the village where the case was made.
            #expect(try await send(.approve, .approved, by: "csuper", base: 5, from: county).version == 6)
            let disagreeing = try await send(.complete, .rejected, by: "csuper", base: 6, from: county)
            #expect(disagreeing.reason?.hasPrefix("move-disagrees") == true)
            let atVillage = try #require(try await Self.copy(of: "T-201-1", in: store, area: village.regionPrefix))
            #expect(atVillage.application.status == .approved)
            #expect(atVillage.application.approvedBy == "csuper")
            #expect(atVillage.application.level == .county)
            #expect(atVillage.version == 6)
            let routes = try await store.serviceRoutes()
            #expect(routes.route(for: .residentPensionEnrolment) == Self.route)
        }
    }

    /// A village's terminal cannot skip the village's check, and no terminal may lower the level
    /// that decides; a township's terminal starts at the township.
    @Test(arguments: StoreKind.testable)
    func aNewCaseStartsWhereItsTerminalMayStartIt(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            try await store.publish(Self.route)
            let people = home[0].people
            let (villageTerminal, _) = try Fixtures.terminal("T-201", jurisdiction: people[0].regionCode)
            let (township, _) = try Fixtures.terminal("T-101")
            func application(_ id: String, _ person: Person, route: ServiceRoute, filedAt level: ServiceLevel)
                -> Application
            {
                Application(
                    id: id, kind: .residentPensionEnrolment, idNumber: person.idNumber, submittedBy: "clerk",
                    submittedAt: Fixtures.now, terminalID: String(id.prefix(5)), regionCode: person.regionCode,
                    route: route, filedAt: level)
            }
            let sameVillage = people.filter { $0.regionCode == people[0].regionCode }
            let skipping = application("T-201-1", sameVillage[0], route: Self.route, filedAt: .township)
            let lowered = application(
                "T-201-2", sameVillage[0], route: .national(.residentPensionEnrolment), filedAt: .village)
            let atTownship = application("T-101-1", people[0], route: Self.route, filedAt: .township)
            let fromVillage = try await store.apply(
                [
                    try Fixtures.command(.applicationSubmit, skipping, key: "a"),
                    try Fixtures.command(.applicationSubmit, lowered, key: "b"),
                ], from: villageTerminal, at: Fixtures.now)
            #expect(fromVillage.map(\.outcome) == [.refused, .refused])
            #expect(fromVillage.allSatisfy { $0.reason?.hasPrefix("route-skipped") == true })
            let fromTownship = try await store.apply(
                [try Fixtures.command(.applicationSubmit, atTownship, key: "c")], from: township, at: Fixtures.now)
            #expect(fromTownship.map(\.outcome) == [.applied])
            #expect(try await store.application(id: "T-101-1")?.level == .township)
        }
    }

    /// The centre's copy of an application as a terminal of `area` pulls it.
    static func copy(of id: String, in store: any CentreStore, area: String) async throws -> VersionedApplication? {
        let changes = try await store.changes(
            after: SyncCursor(0), in: try Jurisdiction(area), limit: 10_000, at: Fixtures.now)
        return changes.page.applications.last { $0.application.id == id }
    }
}

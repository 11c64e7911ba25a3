import Centre
import Foundation
import KioskCore
import Testing

/// Records removed or moved at the centre leave exactly the terminals that held them: a removal for
/// the area they left, the rows again for the area they went to, nothing for an area that has both.
/// Staff accounts go down to the terminals their members work at, and leave those they no longer do.
@Suite struct ChangeFeedTests {
    @Test(arguments: StoreKind.testable)
    func removalsAndMovesReachTheTerminalsThatMustForget(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, neighbour) = try await Fixtures.load(store)
            let people = home.flatMap(\.people)
            let (gone, mover) = (people[0], people[1])
            let kept = Set(people.dropFirst(2).map(\.idNumber))
            let enrolment = try #require(home.flatMap(\.enrolments).first { kept.contains($0.idNumber) })
            let card = try #require(home.flatMap(\.cardRecords).first { kept.contains($0.idNumber) })
            let posting = try #require(home.flatMap(\.jobPostings).first)
            let newVillage = neighbour[0].people[0].regionCode
            let start = try await store.currentCursor()

            let removed: [ReferenceRemoval.Record] = [
                .person(idNumber: gone.idNumber),
                .enrolment(idNumber: enrolment.idNumber, insurance: enrolment.insurance, since: enrolment.since),
                .card(cardNumber: card.cardNumber),
                .jobPosting(id: posting.id),
            ]
            for record in removed { try await store.remove(record, at: Fixtures.now) }
            try await store.movePerson(mover.idNumber, to: newVillage, at: Fixtures.now)
            try await store.movePerson(mover.idNumber, to: newVillage, at: Fixtures.now)

            let atHome = try await Self.pull(store, after: start, in: Fixtures.home)
            #expect(
                atHome.removals
                    == removed.map { ReferenceRemoval($0, reason: .removed) }
                    + [ReferenceRemoval(.person(idNumber: mover.idNumber), reason: .movedOut)])
            #expect(atHome.rowCount == 0)

            let atNeighbour = try await Self.pull(store, after: start, in: Fixtures.neighbour)
            #expect(atNeighbour.removals.isEmpty)
            var moved = mover
            moved.regionCode = newVillage
            #expect(atNeighbour.people == [moved])
            let his = { (idNumber: String) in idNumber == mover.idNumber }
            #expect(Set(atNeighbour.enrolments) == Set(home.flatMap(\.enrolments).filter { his($0.idNumber) }))
            #expect(Set(atNeighbour.contributions) == Set(home.flatMap(\.contributions).filter { his($0.idNumber) }))
            #expect(atNeighbour.contributions.count == home.flatMap(\.contributions).filter { his($0.idNumber) }.count)
            #expect(
                Set(atNeighbour.pensionPayments) == Set(home.flatMap(\.pensionPayments).filter { his($0.idNumber) }))
            #expect(Set(atNeighbour.cardRecords) == Set(home.flatMap(\.cardRecords).filter { his($0.idNumber) }))

            // The county serves both townships: the move is no removal there, only the rows again.
            let atCounty = try await Self.pull(store, after: start, in: Fixtures.county)
            #expect(atCounty.removals.map(\.record) == removed)
            #expect(atCounty.people == [moved])

            // Gone at the centre too: no second removal, no move, not in a snapshot.
            await #expect(throws: CentreError.unknownRecord) { try await store.remove(removed[0], at: Fixtures.now) }
            await #expect(throws: CentreError.unknownRecord) {
                try await store.movePerson(gone.idNumber, to: newVillage, at: Fixtures.now)
            }
            await #expect(throws: CentreError.unknownRecord) { try await store.remove(removed[3], at: Fixtures.now) }
            var snapshot = ReferenceDataPage(cursor: "", asOf: Fixtures.now)
            try await store.snapshot(of: try Jurisdiction(Fixtures.home), at: Fixtures.now) { snapshot.append($0) }
            #expect(Set(snapshot.people.map(\.idNumber)) == kept)
            #expect(!snapshot.cardRecords.contains(card) && !snapshot.jobPostings.contains(posting))
            #expect(!snapshot.enrolments.contains(enrolment))
            #expect(snapshot.removals.isEmpty)
        }
    }

    @Test(arguments: StoreKind.testable)
    func staffAccountsGoDownToTheTerminalsTheyWorkAt(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await Fixtures.load(store)
            let start = try await store.currentCursor()
            func account(_ id: String, _ role: CentreRole, _ area: String) throws -> CentreStaffAccount {
                CentreStaffAccount(
                    member: CentreStaffMember(id: id, name: id, role: role, jurisdiction: try Jurisdiction(area)),
                    password: PasswordHash(encoded: "scrypt$16384$8$1$\(id)$00"), mustChangePassword: true,
                    createdAt: Fixtures.now)
            }
            var clerk = try account("clerk-1", .clerk, Fixtures.home)
            let villageClerk = try account("clerk-2", .clerk, Fixtures.home + "001")
            let technician = try account("tech-1", .technician, Fixtures.county)
            let neighbourClerk = try account("clerk-3", .clerk, Fixtures.neighbour)
            let administrator = try account("admin-1", .countyAdministrator, Fixtures.county)
            for member in [clerk, villageClerk, technician, neighbourClerk, administrator] {
                try await store.addStaff(member)
            }

            let atHome = try await Self.pull(store, after: start, in: Fixtures.home)
            #expect(atHome.staff.map(\.member.id) == ["clerk-1", "clerk-2", "tech-1"])
            #expect(atHome.staff[0].member.role == .clerk && atHome.staff[2].member.role == .technician)
            #expect(atHome.staff[0].password == clerk.password && atHome.staff[0].mustChangePassword)
            // The others of the county are named as not this terminal's, and nothing more.
            #expect(
                atHome.removals == ["clerk-3", "admin-1"].map { ReferenceRemoval(.staff(id: $0), reason: .movedOut) })
            let atVillage = try await Self.pull(store, after: start, in: Fixtures.home + "002")
            #expect(atVillage.staff.map(\.member.id) == ["clerk-1", "tech-1"])

            var snapshot = ReferenceDataPage(cursor: "", asOf: Fixtures.now)
            try await store.snapshot(of: try Jurisdiction(Fixtures.home), at: Fixtures.now) { snapshot.append($0) }
            #expect(snapshot.staff.map(\.member.id) == ["clerk-1", "clerk-2", "tech-1"])
            #expect(snapshot.removals.isEmpty)

            // Disabled: the next pull says so. Reassigned to the neighbour: a removal at home.
            let afterAdding = try await store.currentCursor()
            clerk.isDisabled = true
            try await store.saveStaff(clerk)
            let disabled = try await Self.pull(store, after: afterAdding, in: Fixtures.home)
            #expect(disabled.staff.map(\.isDisabled) == [true])
            let afterDisabling = try await store.currentCursor()
            clerk.member.jurisdiction = try Jurisdiction(Fixtures.neighbour)
            try await store.saveStaff(clerk)
            let moved = try await Self.pull(store, after: afterDisabling, in: Fixtures.home)
            #expect(moved.staff.isEmpty)
            #expect(moved.removals == [ReferenceRemoval(.staff(id: "clerk-1"), reason: .movedOut)])
            #expect(
                try await Self.pull(store, after: afterDisabling, in: Fixtures.neighbour).staff.map(\.member.id) == [
                    "clerk-1"
                ])
        }
    }

    @Test(arguments: StoreKind.testable)
    func aPasswordChosenAtATerminalIsKeptForAllItsMembersTerminals(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await Fixtures.load(store)
            func add(_ id: String, _ role: CentreRole, _ area: String, disabled: Bool = false) async throws {
                try await store.addStaff(
                    CentreStaffAccount(
                        member: CentreStaffMember(id: id, name: id, role: role, jurisdiction: try Jurisdiction(area)),
                        password: try PasswordHash(hashing: "first-pass-1", cost: 10), mustChangePassword: true,
                        isDisabled: disabled, createdAt: Fixtures.now))
            }
            try await add("clerk-1", .clerk, Fixtures.home)
            try await add("clerk-3", .clerk, Fixtures.neighbour)
            try await add("clerk-4", .clerk, Fixtures.home, disabled: true)
            try await add("admin-1", .countyAdministrator, Fixtures.county)
            let (terminal, _) = try Fixtures.terminal()
            let chosen = try PasswordHash(hashing: "clerk one's own", cost: 10)
            let start = try await store.currentCursor()
            func change(_ id: String, _ hash: String, key: String) throws -> SyncCommand {
                try Fixtures.command(
                    .staffPassword, StaffPasswordPayload(id: id, passwordHash: hash, at: Fixtures.now), key: key)
            }
            let results = try await store.apply(
                [
                    try change("clerk-1", chosen.encoded, key: "k1"),
                    try change("clerk-3", chosen.encoded, key: "k2"),
                    try change("admin-1", chosen.encoded, key: "k3"),
                    try change("clerk-4", chosen.encoded, key: "k4"),
                    try change("nobody", chosen.encoded, key: "k5"),
                    try change("clerk-1", "scrypt$1$8$1$00$00", key: "k6"),
                ], from: terminal, at: Fixtures.now)
            #expect(results.map(\.outcome) == [.applied, .refused, .refused, .refused, .refused, .refused])
            #expect(
                results.compactMap { $0.reason?.prefix { $0 != ":" } } == [
                    "unknown-staff", "unknown-staff", "staff-disabled", "unknown-staff", "malformed-password-hash",
                ])
            let kept = try #require(try await store.staffAccount(id: "clerk-1"))
            #expect(kept.password == chosen && !kept.mustChangePassword)
            #expect(kept.password.verify("clerk one's own"))
            #expect(try await store.staffAccount(id: "clerk-3")?.mustChangePassword == true)
            // Down again to the township's terminals, the village's too.
            let pulled = try await Self.pull(store, after: start, in: Fixtures.home + "003")
            #expect(pulled.staff.first { $0.member.id == "clerk-1" }?.password == chosen)
        }
    }

    @Test(arguments: StoreKind.testable)
    func aPublishedCalendarYearReachesEveryTerminalAndCountsForMoves(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let start = try await store.currentCursor()
            let first = WorkingCalendar.PublishedYear(
                year: 2026, holidays: ["2026-10-01"], workdays: [], source: "first arrangement")
            let revised = WorkingCalendar.PublishedYear(
                year: 2026, holidays: ["2026-10-01", "2026-10-08"], workdays: [], source: "revised arrangement")
            try await store.publish(first)
            try await store.publish(revised)
            #expect(try await store.workingCalendar().years == [revised])
            for area in [Fixtures.home, Fixtures.neighbour + "004", Fixtures.county] {
                #expect(try await Self.pull(store, after: start, in: area).calendarYears == [revised], "\(area)")
            }
            var snapshot = ReferenceDataPage(cursor: "", asOf: Fixtures.now)
            try await store.snapshot(of: try Jurisdiction(Fixtures.neighbour), at: Fixtures.now) { snapshot.append($0) }
            #expect(snapshot.calendarYears == [revised])

            // Papers asked for on Wed 30 Sep with 3 working days left, brought on Mon 12 Oct: on the
            // published calendar (8 Oct off, the national holidays not) the clock ends on Thu 15 Oct.
            let (terminal, _) = try Fixtures.terminal()
            func morning(_ day: String) -> Date { ISO8601DateFormatter().date(from: "\(day)T02:00:00Z")! }
            var application = Fixtures.application("T-101-1", for: home[0].people[0])
            application.submittedAt = morning("2026-09-28")
            application.deadline = morning("2026-10-05").addingTimeInterval(50_000)
            let moves = [
                try Fixtures.command(.applicationSubmit, application, key: "k1"),
                try Fixtures.command(
                    .applicationMove,
                    ApplicationMovePayload(
                        id: "T-101-1", status: .awaitingMaterials, by: "clerk-1", at: morning("2026-09-30")),
                    key: "k2", base: 1),
                try Fixtures.command(
                    .applicationMove,
                    ApplicationMovePayload(id: "T-101-1", status: .submitted, by: "clerk-1", at: morning("2026-10-12")),
                    key: "k3", base: 2),
            ]
            #expect(
                try await store.apply(moves, from: terminal, at: Fixtures.now).map(\.outcome) == [
                    .applied, .applied, .applied,
                ])
            let stored = try #require(try await store.application(id: "T-101-1"))
            let expected = revised.asCalendar.endOfWorkingDay(
                revised.asCalendar.workingDays(after: morning("2026-09-30"), through: application.deadline),
                after: morning("2026-10-12"))
            #expect(stored.deadline == expected)
            #expect(
                stored.deadline
                    != WorkingCalendar.published.endOfWorkingDay(
                        WorkingCalendar.published.workingDays(
                            after: morning("2026-09-30"), through: application.deadline),
                        after: morning("2026-10-12")))
        }
    }

    /// Every change after `cursor` in `area`, page by page.
    private static func pull(_ store: any CentreStore, after cursor: SyncCursor, in area: String) async throws
        -> ReferenceDataPage
    {
        let jurisdiction = try Jurisdiction(area)
        var cursor = cursor
        var pulled = ReferenceDataPage(cursor: "", asOf: Fixtures.now)
        while true {
            let changes = try await store.changes(after: cursor, in: jurisdiction, limit: 50, at: Fixtures.now)
            pulled.append(changes.page)
            cursor = try #require(SyncCursor(changes.page.cursor))
            if !changes.hasMore { return pulled }
        }
    }
}

extension WorkingCalendar.PublishedYear {
    /// A calendar of this year alone.
    fileprivate var asCalendar: WorkingCalendar { WorkingCalendar(years: [self]) }
}

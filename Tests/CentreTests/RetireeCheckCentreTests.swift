import Centre
import Foundation
import KioskCore
import Testing
import Vocabulary

/// The year's list of retirees due for their qualification check, published at the centre and
/// pulled by the terminals of each retiree's area; each entry a terminal records, replayed with
/// the terminal's rules at the centre. Both stores.
@Suite struct RetireeCheckCentreTests {
    static let dueBy = Fixtures.now.addingTimeInterval(30 * 86400)

    /// Everyone paid a pension since January 2025, by township.
    static func retirees(_ pages: [ReferenceDataPage]) -> Set<String> {
        Set(pages.flatMap(\.pensionPayments).filter { $0.month >= YearMonth(year: 2025, month: 1)! }.map(\.idNumber))
    }

    @Test(arguments: StoreKind.testable)
    func theYearsListGoesToTheRetireesAreaOnly(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, neighbour) = try await Fixtures.load(store)
            let expected = Self.retirees(home).union(Self.retirees(neighbour))
            #expect(!Self.retirees(home).isEmpty)
            let added = try await store.publishRetireeChecks(year: 2026, dueBy: Self.dueBy, audit: Self.audit)
            #expect(added == expected.count)
            let again = try await store.publishRetireeChecks(year: 2026, dueBy: Self.dueBy, audit: Self.audit)
            #expect(again == 0, "publishing again adds only the newly retired")

            let pulled = try await store.changes(
                after: SyncCursor(0), in: try Jurisdiction(Fixtures.home), limit: 100_000, at: Fixtures.now)
            #expect(Set(pulled.page.retireeChecks.map(\.idNumber)) == Self.retirees(home))
            #expect(pulled.page.retireeChecks.allSatisfy { $0.year == 2026 && $0.dueBy == Self.dueBy })
            var snapshot: [RetireeCheck] = []
            var position: SnapshotPosition?
            while let page = try await store.snapshotPage(
                of: try Jurisdiction(Fixtures.home), after: position, people: 5)
            {
                snapshot += page.retireeChecks
                guard let last = page.people.last else { break }
                position = SnapshotPosition(regionCode: last.regionCode, idNumber: last.idNumber)
            }
            #expect(Set(snapshot.map(\.idNumber)) == Self.retirees(home), "a first load carries the list too")
        }
    }

    @Test(arguments: StoreKind.testable)
    func eachEntryIsJudgedAsTheTerminalJudgesIt(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, neighbour) = try await Fixtures.load(store)
            _ = try await store.publishRetireeChecks(year: 2026, dueBy: Self.dueBy, audit: Self.audit)
            let retirees = Self.retirees(home).sorted()
            let (township, _) = try Fixtures.terminal("T-101")
            let (county, _) = try Fixtures.terminal("T-301", jurisdiction: Fixtures.county)
            let working = try #require(
                home.flatMap(\.people).first { !Self.retirees(home).contains($0.idNumber) }?.idNumber)
            let afterDue = Self.dueBy.addingTimeInterval(86400)
            var counter = 0
            func send(_ idNumber: String, _ entry: RetireeCheckEntry, from terminal: RegisteredTerminal) async throws
                -> SyncCommandResult
            {
                counter += 1
                let command = try Fixtures.command(
                    .retireeCheck, RetireeCheckPayload(idNumber: idNumber, year: 2026, entry: entry), key: "r\(counter)"
                )
                return try #require(try await store.apply([command], from: terminal, at: Fixtures.now).first)
            }
            let atKiosk = RetireeCheckEntry.certification(
                RetireeCertification(method: .kiosk, by: "card", at: Fixtures.now))
            #expect(try await send(retirees[0], atKiosk, from: township).outcome == .applied)
            #expect(try await send(retirees[0], atKiosk, from: township).reason?.hasPrefix("already-certified") == true)
            #expect(try await send(working, atKiosk, from: township).reason?.hasPrefix("not-a-retiree") == true)
            let theirs = try #require(Self.retirees(neighbour).first)
            #expect(
                try await send(theirs, atKiosk, from: township).reason?.hasPrefix("not-a-retiree") == true,
                "a retiree of another township is answered as no one")

            let death = RetireeCheckEntry.lifeEvent(
                RetireeLifeEvent(kind: .death, on: "2026-09-01", reporterRelation: "子女", by: "clerk1", at: Fixtures.now)
            )
            #expect(try await send(retirees[1], death, from: township).outcome == .applied)
            let suspend = RetireeCheckEntry.suspension(
                RetireeSuspension(reason: "死亡", by: "csuper", at: Fixtures.now))
            let fromTownship = try await send(retirees[1], suspend, from: township)
            #expect(fromTownship.reason?.hasPrefix("wrong-level") == true, "\(fromTownship)")
            #expect(try await send(retirees[1], suspend, from: county).outcome == .applied)
            #expect(
                try await send(retirees[0], suspend, from: county).reason?.hasPrefix("not-a-suspension-candidate")
                    == true)
            let overdue = RetireeCheckEntry.suspension(RetireeSuspension(reason: "逾期", by: "csuper", at: afterDue))
            #expect(try await send(retirees[2], overdue, from: county).outcome == .applied)

            var both = RetireeCheckPayload(idNumber: retirees[3], year: 2026, entry: atKiosk)
            both.lifeEvent = RetireeLifeEvent(
                kind: .movedAway, on: "2026-09-01", reporterRelation: "配偶", by: "c", at: Fixtures.now)
            let malformed = try await store.apply(
                [try Fixtures.command(.retireeCheck, both, key: "both")], from: township, at: Fixtures.now)
            #expect(malformed.first?.reason?.hasPrefix("malformed-payload") == true)

            // What was recorded comes down to the township's terminals.
            let pulled = try await store.changes(
                after: SyncCursor(0), in: try Jurisdiction(Fixtures.home), limit: 100_000, at: Fixtures.now)
            let checks = Dictionary(pulled.page.retireeChecks.map { ($0.idNumber, $0) }, uniquingKeysWith: { $1 })
            #expect(checks[retirees[0]]?.state(at: Fixtures.now) == .certified)
            #expect(checks[retirees[1]]?.state(at: Fixtures.now) == .suspended)
            #expect(checks[retirees[1]]?.lifeEvent?.kind == .death)
            #expect(checks[retirees[2]]?.suspension?.reason == "逾期")
            #expect(checks[retirees[3]]?.state(at: Fixtures.now) == .due)
        }
    }

    static let audit = CentreLedgerEvent(
        actor: "admin:test", action: "retirees.publish", subject: .retireeChecks(year: 2026), regionCode: "")
}

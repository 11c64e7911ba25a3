import Centre
import Foundation
import KioskCore
import Testing
import Vocabulary

/// The console's figures come from a rollup the schema's triggers keep up with the records: every
/// way a row changes (a push, a move of an application, a removal and its cascade, a person moved
/// to another village, a batch) shows in the next read, on both stores, with no scan of the county.
@Suite struct FigureRollupTests {
    @Test(arguments: StoreKind.testable)
    func theFiguresFollowEveryChangeToTheRecords(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, neighbour) = try await Fixtures.load(store)
            var people = home.flatMap(\.people)
            var enrolments = (home + neighbour).flatMap(\.enrolments)
            let county = try Jurisdiction("430121")
            let month = YearMonth.inChina(containing: Fixtures.now)

            /// Each village's head count and people with a pension, as the records say now.
            func expectedCoverage() -> [String: [Int]] {
                let pensioned = Set(
                    enrolments.filter {
                        $0.status == .active && CoverageScheme.pension.insurances.contains($0.insurance)
                    }
                    .map(\.idNumber))
                return Dictionary(grouping: people + neighbour.flatMap(\.people), by: \.regionCode).mapValues {
                    [$0.count, $0.filter { pensioned.contains($0.idNumber) }.count]
                }
            }
            func coverage() async throws -> [String: [Int]] {
                Dictionary(
                    uniqueKeysWithValues: try await store.coverage(in: county, at: Fixtures.now).villages.map {
                        ($0.regionCode, [$0.population, $0.covered["pension"] ?? 0])
                    })
            }
            #expect(try await coverage() == expectedCoverage())
            #expect(try await store.refreshFigures() == 0, "a read leaves no region behind")

            // Two applications pushed; one approved and completed the same day, the other left open.
            let (terminal, _) = try Fixtures.terminal()
            let (done, open) = (people[2], people[3])
            func move(_ status: ApplicationStatus, key: String, base: Int) throws -> SyncCommand {
                try Fixtures.command(
                    .applicationMove,
                    ApplicationMovePayload(id: "T-101-1", status: status, by: "super1", at: Fixtures.now),
                    key: key, base: base)
            }
            let results = try await store.apply(
                [
                    try Fixtures.command(.applicationSubmit, Fixtures.application("T-101-1", for: done), key: "s1"),
                    try Fixtures.command(.applicationSubmit, Fixtures.application("T-101-2", for: open), key: "s2"),
                    try move(.approved, key: "m1", base: 1),
                    try move(.completed, key: "m2", base: 2),
                ], from: terminal, at: Fixtures.now)
            #expect(results.map(\.outcome) == [.applied, .applied, .applied, .applied], "\(results)")
            var service = try await store.serviceFigures(in: county, month: month, by: .village, at: Fixtures.now)
            #expect(service.total.received == 2)
            #expect(service.total.completedSameDay == 1)
            #expect(service.total.open == 1)
            #expect(service.total.overdue == 0)
            #expect(Set(service.rows.map(\.key)) == Set([done.regionCode, open.regionCode]))
            // A month on, the open one is past its time limit: overdue is told when asked.
            let later = Fixtures.now.addingTimeInterval(30 * 86_400)
            service = try await store.serviceFigures(in: county, month: month, by: .clerk, at: later)
            #expect(service.rows.map(\.key) == ["clerk1"])
            #expect(service.total.overdue == 1)

            // A person removed (their enrolments go by the cascade), an enrolment removed, a
            // person moved to the neighbouring township: the coverage follows each.
            let (gone, mover) = (people[0], people[1])
            let untouched = Set([gone, mover, done, open].map(\.idNumber))
            let homeIDs = Set(people.map(\.idNumber))
            let enrolment = try #require(
                enrolments.first {
                    $0.status == .active && !untouched.contains($0.idNumber) && homeIDs.contains($0.idNumber)
                })
            let newVillage = neighbour[0].people[0].regionCode
            try await store.remove(.person(idNumber: gone.idNumber), at: Fixtures.now)
            try await store.remove(
                .enrolment(idNumber: enrolment.idNumber, insurance: enrolment.insurance, since: enrolment.since),
                at: Fixtures.now)
            try await store.movePerson(mover.idNumber, to: newVillage, at: Fixtures.now)
            people.removeAll { $0.idNumber == gone.idNumber }
            enrolments.removeAll {
                $0.idNumber == gone.idNumber
                    || ($0.idNumber == enrolment.idNumber && $0.insurance == enrolment.insurance
                        && $0.since == enrolment.since)
            }
            people[people.firstIndex { $0.idNumber == mover.idNumber }!].regionCode = newVillage
            #expect(try await coverage() == expectedCoverage())

            // A card requested and sent to production is the month's output, in its township.
            let card = CardRecord(
                cardNumber: Fixtures.newCardNumber(1), idNumber: done.idNumber, requestedBy: "clerk1", at: Fixtures.now)
            #expect(
                try await store.apply(
                    [try Fixtures.command(.cardRequest, card, key: "c1")], from: terminal, at: Fixtures.now
                ).first?.outcome == .applied)
            let before = try await store.output(in: county, month: month, at: Fixtures.now).total
            _ = try await store.startBatch(in: try Jurisdiction(Fixtures.home), at: Fixtures.now)
            let after = try await store.output(in: county, month: month, at: Fixtures.now)
            #expect(after.total.cardsProduced > before.cardsProduced)
            #expect(after.rows.allSatisfy { $0.key.count == 9 })
        }
    }
}

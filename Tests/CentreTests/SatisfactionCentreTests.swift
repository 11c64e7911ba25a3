import Centre
import Foundation
import KioskCore
import Testing
import Vocabulary

/// Ratings pushed by the terminals, kept once each, and counted in the console's figures by
/// township, village, clerk and service. Both stores.
@Suite struct SatisfactionCentreTests {
    static func rating(
        _ id: String, _ level: SatisfactionLevel, servedBy: String?, service: ApplicationKind? = nil,
        region: String = Fixtures.home, at: Date = Fixtures.now
    ) -> SatisfactionRating {
        SatisfactionRating(
            id: id, level: level, reason: level == .dissatisfied ? "等候时间太长" : nil,
            channel: servedBy == nil ? .kiosk : .desk, service: service, servedBy: servedBy, regionCode: region, at: at)
    }

    @Test(arguments: StoreKind.testable)
    func ratingsAreKeptOnceAndCounted(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await Fixtures.load(store)
            let (township, _) = try Fixtures.terminal("T-101")
            let (neighbour, _) = try Fixtures.terminal("T-102", jurisdiction: Fixtures.neighbour)
            let lastMonth = Fixtures.now.addingTimeInterval(-40 * 86_400)
            let ratings = [
                Self.rating("T-101-R1", .satisfied, servedBy: "clerk1", service: .employmentRegistration),
                Self.rating("T-101-R2", .dissatisfied, servedBy: "clerk1", service: .employmentRegistration),
                Self.rating("T-101-R3", .satisfied, servedBy: nil),
                Self.rating("T-101-R4", .basicallySatisfied, servedBy: "clerk2", at: lastMonth),
            ]
            let applied = try await store.apply(
                try ratings.enumerated().map { try Fixtures.command(.satisfactionRating, $1, key: "r\($0)") },
                from: township, at: Fixtures.now)
            #expect(applied.map(\.outcome) == [.applied, .applied, .applied, .applied])

            var reused = Self.rating("T-101-R1", .dissatisfied, servedBy: "clerk2")
            let refusals = try await store.apply(
                [
                    try Fixtures.command(.satisfactionRating, reused, key: "again"),
                    try Fixtures.command(
                        .satisfactionRating, Self.rating("T-102-R1", .satisfied, servedBy: nil), key: "f"),
                ], from: township, at: Fixtures.now)
            #expect(refusals.map { $0.reason?.prefix { $0 != ":" } } == ["rating-id-taken", "foreign-id"])
            reused.id = "T-102-R9"
            let elsewhere = try await store.apply(
                [try Fixtures.command(.satisfactionRating, reused, key: "e")], from: neighbour, at: Fixtures.now)
            #expect(elsewhere.first?.reason?.hasPrefix("outside-jurisdiction") == true)

            let month = YearMonth.inChina(containing: Fixtures.now)
            let county = try Jurisdiction(Fixtures.county)
            let byClerk = try await store.satisfaction(in: county, month: month, by: .clerk)
            #expect(byClerk.rows.map(\.key) == ["card", "clerk1"])
            #expect(
                byClerk.rows.map { [$0.satisfied, $0.basicallySatisfied, $0.dissatisfied] } == [[1, 0, 0], [1, 0, 1]])
            #expect(byClerk.total.total == 3, "last month's rating is not this month's")
            let byService = try await store.satisfaction(in: county, month: month, by: .service)
            #expect(byService.rows.map(\.key) == ["", "employment-registration"])
            let byTownship = try await store.satisfaction(in: county, month: month, by: .township)
            #expect(byTownship.rows.map(\.key) == [Fixtures.home])
            let neighbours = try await store.satisfaction(
                in: try Jurisdiction(Fixtures.neighbour), month: month, by: .village)
            #expect(neighbours.rows.isEmpty)
            let before = try await store.satisfaction(in: county, month: month.adding(months: -1), by: .clerk)
            #expect(before.rows.map(\.key) == ["clerk2"] && before.total.basicallySatisfied == 1)
        }
    }
}

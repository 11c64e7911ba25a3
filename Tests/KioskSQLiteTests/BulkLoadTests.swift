import Foundation
import GRDB
import KioskCore
import Testing
import Vocabulary

@Suite("Bulk load of a township")
struct BulkLoadTests {
    @Test("2,000 people with 10 years of history load page by page; every row arrives (timing printed, not asserted)")
    func township() async throws {
        try await StoreFixture.with { fixture in
            let township = SyntheticTownship(
                seed: 2026, regionCode: "430102001", people: 2000, months: 120,
                lastMonth: YearMonth(year: 2026, month: 10)!, pageSize: 500)
            var expected: [String: Int] = [:]
            var loading = Duration.zero
            let clock = ContinuousClock()
            for page in township {
                expected["person", default: 0] += page.people.count
                expected["enrolment", default: 0] += page.enrolments.count
                expected["contribution", default: 0] += page.contributions.count
                expected["pensionPayment", default: 0] += page.pensionPayments.count
                expected["jobPosting", default: 0] += page.jobPostings.count
                expected["card", default: 0] += page.cardRecords.count
                loading += try await clock.measure { try await fixture.store.applyReferenceData(page) }
            }
            let stored = try fixture.rawRead { db in
                try expected.keys.reduce(into: [String: Int]()) { counts, table in
                    counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")
                }
            }
            #expect(stored == expected)
            let rows = expected.values.reduce(0, +)
            let seconds = Double(loading.components.seconds) + Double(loading.components.attoseconds) / 1e18
            print(
                "bulk load: \(rows) rows (\(expected["contribution"]!) contribution months) in "
                    + "\(String(format: "%.2f", seconds)) s, \(Int(Double(rows) / seconds)) rows/s "
                    + "(debug build; Benchmarks/TownshipLoad measures release)")
        }
    }
}

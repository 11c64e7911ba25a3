import Centre
import Foundation
import KioskCore
import TestSupport
import Testing
import Vocabulary

/// `sskiosk centre generate` SIGKILLed part-way through a township: the store holds whole pages
/// and nothing of the page it was writing, and its change counter matches the rows it holds.
@Suite struct CentreCrashTests {
    static let binary = BuildFolder.executable("sskiosk")

    @Test(arguments: StoreKind.testable)
    func aKilledLoadLeavesWholePagesOnly(_ kind: StoreKind) async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build sskiosk first")
        let township = SyntheticTownship(
            seed: 2026, regionCode: "430121101", people: 6000, months: 60, lastMonth: YearMonth(year: 2026, month: 10)!)
        // Rows (all tables) and contributions after each whole page, as the generator makes them.
        var wholePages: [(rows: Int64, contributions: Int)] = [(0, 0)]
        for page in township {
            let rows =
                page.people.count + page.enrolments.count + page.contributions.count + page.pensionPayments.count
                + page.jobPostings.count + page.cardRecords.count
            wholePages.append(
                (wholePages.last!.rows + Int64(rows), wholePages.last!.contributions + page.contributions.count))
        }
        let pages = wholePages
        for delay in [0, 150, 400] {
            try await kind.withStore { store, options in
                let child = try await BackgroundProcess.start(
                    [Self.binary, "centre", "generate", "--townships", "1", "--people", "6000", "--months", "60"]
                        + options)
                // Kill it once some pages are in, at a moment that differs from run to run.
                while try await store.currentCursor() == .start, child.isRunning {
                    try await Task.sleep(for: .milliseconds(10))
                }
                try await Task.sleep(for: .milliseconds(delay))
                _ = try await child.kill()

                var people = 0
                var contributions = 0
                try await store.snapshot(of: try Jurisdiction("430121101"), at: Date()) { page in
                    people += page.people.count
                    contributions += page.contributions.count
                }
                let cursor = try await store.currentCursor()
                #expect(people % 500 == 0 && people > 0)
                let loaded = pages[people / 500]
                #expect(contributions == loaded.contributions)
                #expect(cursor.sequence == loaded.rows)
            }
        }
    }
}

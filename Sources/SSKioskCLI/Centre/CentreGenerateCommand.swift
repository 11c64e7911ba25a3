import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging
import Vocabulary

/// Fills the centre with a synthetic county: townships under a real county code, each a
/// ``SyntheticTownship`` loaded page by page through the store's bulk path.
struct CentreGenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Load a synthetic county (townships of made-up people with contribution histories) into the centre.")

    @OptionGroup var store: CentreStoreOptions

    @Option(help: "The county's 6-digit GB/T 2260 code; townships are COUNTY101, COUNTY102, …")
    var county = "430121"

    @Option(help: "How many townships.")
    var townships = 1

    @Option(help: "People per township (a real one has about 50,000).")
    var people = 50_000

    @Option(
        help: "Months of history, ending with --last-month (168: about 10 million contribution months per township).")
    var months = 168

    @Option(help: "The last month of the history (YYYY-MM).")
    var lastMonth = "2026-10"

    @Option(help: "Seed of the first township; the others take the next ones.")
    var seed: UInt64 = 2026

    func validate() throws {
        guard county.count == 6, county.allSatisfy(\.isNumber) else {
            throw ValidationError("--county is a 6-digit county code, e.g. 430121")
        }
        guard (1...899).contains(townships) else { throw ValidationError("--townships is 1 to 899") }
        guard YearMonth(lastMonth) != nil else { throw ValidationError("--last-month is YYYY-MM") }
    }

    func run() async throws {
        let last = YearMonth(lastMonth)!
        let county = county, townships = townships, people = people, months = months, seed = seed
        try await store.withStore(logger: Logger(label: "sskiosk.centre")) { store in
            var taken = SyntheticTownship.NumbersTaken()
            for index in 0..<townships {
                let region = county + String(101 + index)
                let started = ContinuousClock.now
                var contributions = 0
                var pages = SyntheticTownship(
                    seed: seed + UInt64(index), regionCode: region, people: people, months: months, lastMonth: last
                ).pages(avoiding: taken)
                while let page = pages.next() {
                    contributions += page.contributions.count
                    try await store.load(page)
                }
                taken = pages.taken
                let seconds = (ContinuousClock.now - started) / .seconds(1)
                print(
                    "township \(region): \(people) people, \(contributions) contribution months in \(String(format: "%.1f", seconds)) s"
                )
            }
        }
    }
}

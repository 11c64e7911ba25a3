import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging

/// Publishes the year's checks: everyone paid a pension since January of the year before is due
/// by the day given. Terminals pull the list; publishing again adds only the newly retired.
struct CentreRetireesPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish who must certify this year, and by which day (the list goes to every terminal).",
        discussion: """
            Everyone paid a pension since January of the year before YEAR is due by --due-by (its end,
            China time). A check already published for YEAR keeps its day and what was recorded on it.
            """)

    @OptionGroup var store: CentreStoreOptions

    @Argument(help: "The year of the check.")
    var year: Int

    @Option(help: "The last day to certify, YYYY-MM-DD, inside the year.")
    var dueBy: String

    func validate() throws {
        guard (2000...2999).contains(year) else { throw ValidationError("the year is 2000–2999") }
        guard dueBy.hasPrefix("\(year)-"), lastMoment != nil else {
            throw ValidationError("--due-by takes a day of \(year) as YYYY-MM-DD")
        }
    }

    /// The end of the day given, China time: the check falls overdue after it.
    private var lastMoment: Date? {
        guard let day = try? InputValidation.date(dueBy),
            let start = WorkingCalendar.china.date(
                from: DateComponents(year: day.year, month: day.month, day: day.day))
        else { return nil }
        return WorkingCalendar.china.date(byAdding: DateComponents(day: 1, second: -1), to: start)
    }

    func run() async throws {
        guard let dueBy = lastMoment else { throw ValidationError("--due-by is not a day") }
        let audit = CentreLedgerEvent(
            actor: store.operatorName, action: "retirees.publish", subject: .retireeChecks(year: year),
            regionCode: "", detail: "dueBy=\(self.dueBy)")
        let added = try await store.withStore(logger: Logger(label: "sskiosk.centre")) {
            try await $0.publishRetireeChecks(year: year, dueBy: dueBy, audit: audit)
        }
        StandardError.write("published \(added) retirees due by \(self.dueBy) for \(year); terminals pull them\n")
    }
}

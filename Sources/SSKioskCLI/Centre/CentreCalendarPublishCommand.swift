import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging

/// Publishes years of the working calendar from a JSON file, each checked before any is kept.
struct CentreCalendarPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the years in a JSON file (one year, or a list); each replaces what was published for it.",
        discussion: """
            A year is {"year": 2027, "holidays": ["2027-01-01", …], "workdays": ["2027-02-06", …],
            "source": "国务院办公厅关于2027年部分节假日安排的通知"}: the days off, the weekend days worked,
            and where the arrangement was published. Nothing is published when any day is wrong.
            """)

    @OptionGroup var store: CentreStoreOptions

    @Argument(help: "The JSON file.")
    var file: String

    func run() async throws {
        let years = try Self.years(in: file)
        let actor = store.operatorName
        try await store.withStore(logger: Logger(label: "sskiosk.centre")) { store in
            for year in years {
                try await store.publish(
                    year,
                    audit: CentreLedgerEvent(
                        actor: actor, action: "calendar.publish", subject: .calendarYear(year.year), regionCode: "",
                        detail: year.summary))
            }
        }
        for year in years { StandardError.write("published \(year.summary); terminals pull it\n") }
    }

    /// The years of the file, or why they cannot be published, in plain words.
    static func years(in file: String) throws -> [WorkingCalendar.PublishedYear] {
        try PublishedFile.records(
            in: file,
            shape: "a year of the calendar or a list of them: {\"year\", \"holidays\", \"workdays\", \"source\"}",
            problems: { WorkingCalendar(years: $0).problems })
    }
}

import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging

/// The working calendar in effect at the centre: each year, what it has, and where it came from.
struct CentreCalendarShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "List the years of the working calendar in effect, with their sources.")

    @OptionGroup var store: CentreStoreOptions

    func run() async throws {
        let calendar = try await store.withStore(logger: Logger(label: "sskiosk.centre")) {
            try await $0.workingCalendar()
        }
        for year in calendar.years {
            print(
                "\(year.year)\t\(year.holidays.count) days off\t\(year.workdays.count) weekend days worked\t\(year.source)"
            )
        }
    }
}

import ArgumentParser
import Centre
import KioskCore
import Logging

/// The notices the county published, each with the days it is shown.
struct CentreNoticesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print every published notice with the days it is shown.")

    @OptionGroup var store: CentreStoreOptions

    func run() async throws {
        let notices = try await store.withStore(logger: Logger(label: "sskiosk.centre")) { try await $0.notices() }
        for notice in notices { print("\(notice.id)\t\(notice.from) – \(notice.until)\t\(notice.title)") }
    }
}

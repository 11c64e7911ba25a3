import ArgumentParser
import Centre
import KioskCore
import Logging

/// The guides the county published, as the kiosks show them.
struct CentreGuidesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print every published guide as a kiosk shows it.")

    @OptionGroup var store: CentreStoreOptions

    func run() async throws {
        let guides = try await store.withStore(logger: Logger(label: "sskiosk.centre")) { try await $0.serviceGuides() }
        for guide in guides { print(guide.text + "\n") }
    }
}

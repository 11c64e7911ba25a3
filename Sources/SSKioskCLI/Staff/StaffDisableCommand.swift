import ArgumentParser
import Foundation

/// Stops an account at once: no sign-in, and its open sessions end at their next request.
struct StaffDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable an account: no sign-in, open sessions end.")

    @OptionGroup var store: StaffStoreOptions

    @Argument(help: "The staff id.")
    var id: String

    func run() async throws {
        try await store.open().setStaffDisabled(id, true, by: store.administrator, at: Date())
        print("Disabled \(id).")
    }
}

import ArgumentParser
import Foundation

/// Lets a disabled or locked account sign in again with the password it had.
struct StaffEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable", abstract: "Enable a disabled account and lift a lock after wrong passwords.")

    @OptionGroup var store: StaffStoreOptions

    @Argument(help: "The staff id.")
    var id: String

    func run() async throws {
        try await store.open().setStaffDisabled(id, false, by: store.administrator, at: Date())
        print("Enabled \(id).")
    }
}

import ArgumentParser
import Foundation
import KioskCore

/// An administrator's reset: a new first password, typed at a prompt, that the member must replace
/// at their next sign-in. Their open sessions end, and a lock is lifted.
struct StaffPasswdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Reset a member's password (asked at a prompt); they must change it at their next sign-in."
    )

    @OptionGroup var store: StaffStoreOptions

    @Argument(help: "The staff id.")
    var id: String

    func run() async throws {
        let store = try await store.open()
        guard try await store.staff(id) != nil else { throw KioskError.unknownStaff }
        let password = try PasswordPrompt.readNew(for: id)
        try await store.setPassword(
            of: id, to: try PasswordHash(hashing: password.text), mustChangePassword: true,
            by: self.store.administrator, at: Date())
        print("Reset the password of \(id): they choose their own at their next sign-in.")
    }
}

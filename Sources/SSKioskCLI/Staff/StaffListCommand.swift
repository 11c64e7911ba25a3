import ArgumentParser
import Foundation
import KioskCore

/// Every account with its role, area and state, one per line; no password hash.
struct StaffListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the staff accounts and their state.")

    @OptionGroup var store: StaffStoreOptions

    func run() async throws {
        let store = try await store.open()
        let now = Date()
        for account in try await store.staffAccounts() {
            var state = [account.isDisabled ? "disabled" : "enabled"]
            if account.mustChangePassword { state.append("must change password") }
            if let until = try await store.signInFailures(account.member.id).lockedUntil, until > now {
                state.append("locked until \(until.formatted(.iso8601))")
            }
            let member = account.member
            print(
                [
                    member.id, member.name, member.role.rawValue, member.jurisdiction.regionPrefix,
                    state.joined(separator: ", "),
                ]
                .joined(separator: "\t"))
        }
    }
}

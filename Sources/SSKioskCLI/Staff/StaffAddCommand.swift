import ArgumentParser
import Foundation
import KioskCore

/// Adds an account with a first password the administrator types at a prompt and hands over; the
/// member must replace it at their first sign-in.
struct StaffAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a member of staff; their first password is asked at a prompt and must be changed at sign-in."
    )

    @OptionGroup var store: StaffStoreOptions

    @Argument(help: "The staff id they sign in with.")
    var id: String

    @Option(help: "Their name, as pages and receipts show it.")
    var name: String

    @Option(help: "Their role: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
    var role: Role

    @Option(help: "The region code they act in (the terminal's own, or an area inside it); the terminal's by default.")
    var jurisdiction: String?

    func validate() throws {
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            throw ValidationError("A staff id is letters, digits, '-', '_' and '.', and not empty.")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("Give their --name.") }
    }

    func run() async throws {
        let store = try await store.open()
        let terminal = try await store.terminal()!.jurisdiction
        let area = try jurisdiction.map { try Jurisdiction($0) } ?? terminal
        guard terminal.contains(area.regionPrefix) else {
            throw ValidationError("\(area) lies outside this terminal's jurisdiction (\(terminal)).")
        }
        let password = try PasswordPrompt.readNew(for: id)
        try await store.addStaff(
            StaffAccount(
                member: StaffMember(id: id, name: name, role: role, jurisdiction: area),
                password: try PasswordHash(hashing: password.text), mustChangePassword: true, isDisabled: false),
            by: self.store.administrator, at: Date())
        print("Added \(id) (\(role.rawValue), \(area)): they choose their own password at their first sign-in.")
    }
}

extension Role: ExpressibleByArgument {}

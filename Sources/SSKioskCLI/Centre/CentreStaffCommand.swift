import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging

/// The staff the county centre administers: its own, who sign in to the console (`/console` of
/// `centre serve`), and the halls' clerks and supervisors, whose accounts go down to the terminals.
struct CentreStaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Add accounts for the county centre's staff (the console) and the halls' staff (the terminals).",
        subcommands: [Add.self])

    /// An account with a first password typed at a prompt (or piped), to be changed at the first sign-in.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Add a member of the centre's staff; their first password is asked at a prompt and must be changed at sign-in."
        )

        @OptionGroup var store: CentreStoreOptions

        @Argument(help: "The staff id they sign in with.")
        var id: String

        @Option(help: "Their name, as the console shows it.")
        var name: String

        @Option(help: "Their role: \(CentreRole.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: CentreRole

        @Option(
            help:
                "Their area: the county (6 digits) or a township (9) for the console's roles; a township or a village (12) for clerks and supervisors."
        )
        var jurisdiction: String

        func validate() throws {
            guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
                throw ValidationError("A staff id is letters, digits, '-', '_' and '.', and not empty.")
            }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("Give their --name.")
            }
            guard let area = try? Jurisdiction(jurisdiction), CentreStaffMember.isStaffArea(area, for: role) else {
                throw ValidationError(
                    role.usesConsole
                        ? "--jurisdiction is a county's region code (6 digits) or a township's (9 digits)."
                        : "A \(role.rawValue)'s --jurisdiction is a township's region code (9 digits) or a village's (12 digits)."
                )
            }
        }

        func run() async throws {
            let password = try PasswordPrompt.readNew(for: id)
            let account = CentreStaffAccount(
                member: CentreStaffMember(id: id, name: name, role: role, jurisdiction: try Jurisdiction(jurisdiction)),
                password: try PasswordHash(hashing: password.text), mustChangePassword: true, createdAt: Date())
            let audit = CentreLedgerEvent(
                actor: store.operatorName, action: "staff.add", subject: .staff(id: id), regionCode: jurisdiction,
                detail: "role=\(role.rawValue) area=\(jurisdiction)")
            try await store.withStore(logger: Logger(label: "sskiosk.centre")) {
                try await $0.addStaff(account, audit: audit)
            }
            print(
                "Added \(id) (\(role.rawValue), \(jurisdiction)): they choose their own password at their first sign-in."
            )
        }
    }
}

extension CentreRole: ExpressibleByArgument {}

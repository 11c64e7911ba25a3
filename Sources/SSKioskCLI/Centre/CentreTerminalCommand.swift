import ArgumentParser
import Centre
import Foundation
import Logging

/// Ending or renewing a terminal's certificate and token.
struct CentreTerminalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal", abstract: "Revoke a terminal, or rotate its certificate and token.",
        subcommands: [Revoke.self, Rotate.self])

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End a terminal's certificate and token now; its open enrolment codes are withdrawn.")

        @OptionGroup var store: CentreStoreOptions

        @Argument(help: "The terminal's id.")
        var terminalID: String

        func run() async throws {
            let id = terminalID
            let audit = CentreLedgerEvent(
                actor: store.operatorName, action: "terminal.revoke", subject: .registeredTerminal(id: id),
                regionCode: "")
            try await store.withStore(logger: Logger(label: "sskiosk.centre")) {
                try await $0.revokeTerminal(id, at: Date(), audit: audit)
            }
            StandardError.write("revoked \(id): its certificate and token are refused from now on\n")
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Issue a terminal a new enrolment code (printed once): enrolling with it gives a new certificate and token, and the old pair stops working then."
        )

        @OptionGroup var store: CentreStoreOptions

        @Argument(help: "The terminal's id.")
        var terminalID: String

        @Option(help: "How long the code stays good: 30m, 24h, 7d (at most 7d).")
        var expires = CodeLifetime(argument: "24h")!

        func run() async throws {
            let id = terminalID
            guard
                let terminal = try await store.withStore(
                    logger: Logger(label: "sskiosk.centre"), { try await $0.terminal(id: id) })
            else { throw CentreError.unknownTerminal }
            try await CentreEnrolmentCodeCommand.issue(
                for: id, jurisdiction: terminal.jurisdiction, name: terminal.name,
                lifetime: expires.seconds, rotating: true, store: store)
        }
    }
}

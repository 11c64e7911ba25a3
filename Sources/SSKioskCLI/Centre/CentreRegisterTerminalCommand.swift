import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging

/// Registers a terminal and prints its token, the one time it is ever shown: the centre keeps only
/// its SHA-256.
struct CentreRegisterTerminalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register-terminal",
        abstract: "Register a terminal with its jurisdiction; prints its bearer token (shown once) on standard output.")

    @OptionGroup var store: CentreStoreOptions

    @Option(help: "The terminal's id, as in its own store (e.g. T-430121101-01).")
    var id: String

    @Option(help: "The region-code prefix it serves (2, 4, 6, 9 or 12 digits).")
    var jurisdiction: String

    @Option(help: "A name people recognise (the hall or village).")
    var name: String = ""

    func run() async throws {
        let area = try Jurisdiction(jurisdiction)
        let token = TerminalToken.make()
        let terminal = RegisteredTerminal(
            id: id, jurisdiction: area, name: name.isEmpty ? id : name, tokenHash: TerminalToken.hash(token),
            registeredAt: Date())
        try await store.withStore(logger: Logger(label: "sskiosk.centre")) { try await $0.register(terminal) }
        StandardError.write("registered \(id) for \(area); its token follows (shown only now):\n")
        print(token)
    }
}

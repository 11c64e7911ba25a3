import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging

/// A county administrator's one-time code for a new terminal: printed once, kept only as a hash.
struct CentreEnrolmentCodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrolment-code",
        abstract: "Issue a one-time code a new terminal enrols with (`sskiosk enrol`); prints it, the only time.")

    @OptionGroup var store: CentreStoreOptions

    @Option(help: "The new terminal's id (e.g. T-430121101-01).")
    var terminalID: String

    @Option(help: "The region-code prefix it serves (2, 4, 6, 9 or 12 digits).")
    var jurisdiction: String

    @Option(help: "A name people recognise (the hall or village).")
    var name: String = ""

    @Option(help: "How long the code stays good: 30m, 24h, 7d (at most 7d).")
    var expires = CodeLifetime(argument: "24h")!

    func validate() throws {
        guard expires.seconds <= TerminalEnrolmentCode.maximumLifetime else {
            throw ValidationError("--expires is at most 7d: a code is for one installation, soon.")
        }
    }

    func run() async throws {
        let area = try Jurisdiction(jurisdiction)
        try await Self.issue(
            for: terminalID, jurisdiction: area, name: name.isEmpty ? terminalID : name, lifetime: expires.seconds,
            rotating: false, store: store)
    }

    /// Issues and prints a code (a first one, or a rotation's).
    static func issue(
        for terminalID: String, jurisdiction: Jurisdiction, name: String, lifetime: TimeInterval, rotating: Bool,
        store: CentreStoreOptions
    ) async throws {
        let (code, record) = try await store.withStore(logger: Logger(label: "sskiosk.centre")) {
            try await $0.issueEnrolmentCode(
                for: terminalID, jurisdiction: jurisdiction, name: name, lifetime: lifetime, rotating: rotating,
                by: store.operatorName, at: Date())
        }
        StandardError.write(
            "enrolment code for \(terminalID) (\(jurisdiction)), good once until \(record.expiresAt) (shown only now):\n"
        )
        print(code)
    }
}

import ArgumentParser
import Diagnostics
import Foundation

/// Checks the terminal for a technician: every check passes, warns or fails with a cause and a
/// fix; the exit code is the worst result (0 pass, 1 warn, 2 fail). Reads no personal data.
struct DiagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diag",
        abstract: "Check readers, card, PSAM and device permissions; exit 0 pass, 1 warn, 2 fail.",
        discussion: """
            Reads only what every card gives freely (answer to reset, the card issuer file), never the \
            cardholder's data. The latency check selects the card's social security application, so run \
            diag when no resident is using the terminal.
            """
    )

    @Flag(help: "Print JSON for tools instead of text.")
    var json = false

    @Option(help: "The reader residents insert their card into; default: the first reader holding a card.")
    var reader: String?

    @Option(help: "The reader slot holding the PSAM (issuance desks); without it the PSAM is not checked.")
    var psamReader: String?

    @Option(help: "How many APDUs the latency check exchanges.")
    var roundTrips = 20

    @Option(help: "Seconds any one check may take before it counts as hung.")
    var timeout = 4.0

    @Option(help: "The device catalogue; default: $SSKIOSK_CATALOGUE, or hardware/catalogue.json beside this build.")
    var catalogue: String?

    func validate() throws {
        guard roundTrips >= 1 else { throw ValidationError("--round-trips must be at least 1.") }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds.") }
    }

    func run() async throws {
        let readers = ReaderDiagnostics(cardReader: reader, psamReader: psamReader, roundTrips: roundTrips)
        let permissions = PermissionDiagnostics(catalogue: catalogueLocation())
        let runner = DiagnosticsRunner(
            checks: readers.checks + permissions.checks, timeout: .milliseconds(Int(timeout * 1000)))
        let report = await runner.run()
        print(json ? report.json() : report.text(colour: Self.colourWanted), terminator: "")
        throw ExitCode(report.exitCode)
    }

    /// Colour only on a terminal, and not when NO_COLOR is set (no-color.org).
    private static var colourWanted: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// The catalogue: the option, the environment, or the source tree this binary was built in.
    private func catalogueLocation() -> URL? {
        if let catalogue { return URL(fileURLWithPath: catalogue) }
        if let path = ProcessInfo.processInfo.environment["SSKIOSK_CATALOGUE"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("hardware/catalogue.json")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}

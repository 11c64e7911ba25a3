import ArgumentParser
import Diagnostics
import Foundation

/// Checks the terminal for a technician: every check passes, warns or fails with a cause and a
/// fix; the exit code is the worst result (0 pass, 1 warn, 2 fail). Reads no personal data.
struct DiagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diag",
        abstract:
            "Check readers, card, PSAM, printers, permissions, the service, its cache and the centre; exit 0 pass, 1 warn, 2 fail.",
        discussion: """
            Reads only what every card gives freely (answer to reset, the card issuer file), never the \
            cardholder's data. The latency check selects the card's social security application, so run \
            diag when no resident is using the terminal.
            """,
        subcommands: [DiagBundleCommand.self]
    )

    @Flag(help: "Print JSON for tools instead of text.")
    var json = false

    @OptionGroup var options: DiagOptions

    func run() async throws {
        let report = await options.plan.run()
        print(json ? report.json() : report.text(colour: Self.colourWanted), terminator: "")
        throw ExitCode(report.exitCode)
    }

    /// Colour only on a terminal, and not when NO_COLOR is set (no-color.org).
    private static var colourWanted: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

import ArgumentParser
import RoleSettings

/// Says in plain words what is wrong with a role's settings (its file, with the `SSKIOSK_…`
/// environment over it) and with the files they name, and exits non-zero if anything is; when all
/// is well, prints the settings the service would run with, and where each came from. Secrets are
/// shown as the paths of their files, never their contents.
struct ConfigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a configuration file and the files it names; print the effective settings.",
        discussion: """
            Settings come from the service's flags, then SSKIOSK_ environment variables (a key's words in capitals: \
            residentReader is SSKIOSK_RESIDENT_READER), then the file, then built-in defaults. The check reads the \
            environment and the file: what the service would run with when given no flags.
            """
    )

    @Option(help: "Whose configuration: terminal (sskiosk serve) or centre (sskiosk centre serve).")
    var role: SettingsRole = .terminal

    @Argument(help: "The file to check (default: /etc/sskiosk/terminal.json or /etc/sskiosk/centre.json).")
    var file: String?

    func run() async throws {
        let (settings, problems) = await role.read(file: file, checkingFiles: true)
        guard problems.isEmpty else {
            for problem in problems { print("problem: \(problem.message)") }
            print("\(problems.count) problem(s) in the \(role.rawValue)'s settings.")
            throw ExitCode.failure
        }
        print("file: \(settings.file ?? "none (\(role.standardFile) is not there): defaults and environment only")")
        for line in settings.lines { print(line) }
    }
}

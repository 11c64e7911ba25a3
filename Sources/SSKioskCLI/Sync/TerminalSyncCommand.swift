import ArgumentParser

/// The technician's view of the terminal's sync with its centre.
struct TerminalSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "The terminal's sync with its centre: status, and a pull and drain now.",
        subcommands: [SyncStatusCommand.self, SyncNowCommand.self])
}

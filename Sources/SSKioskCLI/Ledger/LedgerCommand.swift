import ArgumentParser

/// The terminal's ledger (台账) of who did what.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Check the terminal's ledger.",
        subcommands: [LedgerVerifyCommand.self]
    )
}

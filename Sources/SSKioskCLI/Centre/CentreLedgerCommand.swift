import ArgumentParser

/// The centre's own ledger: what its staff and operators did, chained and sealed with its key.
struct CentreLedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Check or show the centre's ledger of what its staff and operators did.",
        subcommands: [CentreLedgerVerifyCommand.self, CentreLedgerShowCommand.self])
}

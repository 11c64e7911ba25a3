import ArgumentParser

/// Card production at the centre: batches of applied cards sent to the bureau and delivered back.
struct CentreBatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Send an area's applied cards to production in a batch, or record a batch delivered.",
        subcommands: [CentreBatchStartCommand.self, CentreBatchDeliverCommand.self])
}

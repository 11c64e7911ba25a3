import ArgumentParser

/// The card simulator: virtual cards for the rig's vpcd slots, and their images.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Simulated cards: insert one into a vpcd slot, or make a card image.",
        subcommands: [SimInsertCommand.self, SimImageCommand.self]
    )
}

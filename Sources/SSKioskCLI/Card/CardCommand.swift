import ArgumentParser

/// The social security card: read it, its PIN, personalise, block and unblock it.
struct CardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Read and manage a social security card.",
        subcommands: [
            CardReadCommand.self, CardPINCommand.self, CardPersonaliseCommand.self, CardBlockCommand.self,
            CardUnblockCommand.self, CardProfileCommand.self,
        ]
    )
}

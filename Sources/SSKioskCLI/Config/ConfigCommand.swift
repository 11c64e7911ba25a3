import ArgumentParser

/// The configuration files of the terminal and the centre.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check a terminal's or a centre's configuration file.",
        subcommands: [ConfigCheckCommand.self]
    )
}

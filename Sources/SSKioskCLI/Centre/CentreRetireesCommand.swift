import ArgumentParser

/// The retirees' annual qualification check (退休人员资格认证) as the centre runs it.
struct CentreRetireesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retirees",
        abstract: "Publish the year's list of retirees due for their qualification check.",
        subcommands: [CentreRetireesPublishCommand.self])
}

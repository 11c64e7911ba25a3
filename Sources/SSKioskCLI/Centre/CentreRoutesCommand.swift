import ArgumentParser

/// The routes of the services across levels: which level checks, reviews and decides each, and in
/// how many working days, published as data that every terminal routes its cases by.
struct CentreRoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Publish the levels each service goes through and their time limits to every terminal, or show them.",
        subcommands: [CentreRoutesPublishCommand.self, CentreRoutesShowCommand.self])
}

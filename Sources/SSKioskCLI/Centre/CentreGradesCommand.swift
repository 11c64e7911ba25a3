import ArgumentParser

/// The residents' pension's contribution grades the county offers, with the subsidy on each: a
/// resident chooses one when enrolling at a terminal.
struct CentreGradesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grades",
        abstract: "Publish the residents' pension's contribution grades to every terminal, or show them.",
        subcommands: [CentreGradesPublishCommand.self, CentreGradesShowCommand.self])
}

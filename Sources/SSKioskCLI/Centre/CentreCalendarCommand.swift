import ArgumentParser

/// The working calendar the centre publishes: the State Council's holidays and adjusted working
/// days (调休) of each year, entered as data, which every terminal's time limits count on.
struct CentreCalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Publish a year's public holidays and adjusted working days to every terminal, or show the calendar.",
        subcommands: [CentreCalendarPublishCommand.self, CentreCalendarShowCommand.self])
}

import ArgumentParser

/// The services' guides (办事指南) the county publishes for every kiosk.
struct CentreGuidesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guides",
        abstract: "Preview, publish or show the services' guides the kiosks show and read aloud.",
        subcommands: [CentreGuidesPreviewCommand.self, CentreGuidesPublishCommand.self, CentreGuidesShowCommand.self])
}

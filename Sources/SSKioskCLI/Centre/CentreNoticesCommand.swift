import ArgumentParser

/// The policy notices (政策公告) the county publishes for every kiosk.
struct CentreNoticesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices",
        abstract: "Preview, publish or show the policy notices the kiosks show and read aloud with no card in.",
        subcommands: [
            CentreNoticesPreviewCommand.self, CentreNoticesPublishCommand.self, CentreNoticesShowCommand.self,
        ])
}

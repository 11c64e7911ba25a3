import ArgumentParser
import KioskCore

/// Checks a file of guides and prints each as a kiosk shows it and reads it aloud, publishing
/// nothing: for staff to read before publishing.
struct CentreGuidesPreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview", abstract: "Check the guides in a JSON file and print them as a kiosk shows them.")

    @Argument(help: "The JSON file.")
    var file: String

    func run() async throws {
        for guide in try Self.guides(in: file) { print(guide.text + "\n") }
    }

    /// The guides of the file, or why they cannot be published, in plain words.
    static func guides(in file: String) throws -> [ServiceGuide] {
        try PublishedFile.records(
            in: file,
            shape:
                "a guide or a list of them: {\"kind\", \"materials\": […], \"steps\": […], \"fee\", \"legalBasis\"}, "
                + "with a service among "
                + ApplicationKind.allCases.filter(\.isFiled).map(\.rawValue).joined(separator: ", "),
            problems: { ServiceGuide.problems(of: $0).map(\.english) })
    }
}

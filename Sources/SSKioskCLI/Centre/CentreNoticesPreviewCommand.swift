import ArgumentParser
import KioskCore

/// Checks a file of notices and prints each as a kiosk shows it, publishing nothing.
struct CentreNoticesPreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview", abstract: "Check the notices in a JSON file and print them as a kiosk shows them.")

    @Argument(help: "The JSON file.")
    var file: String

    func run() async throws {
        for notice in try Self.notices(in: file) { print("[\(notice.from) – \(notice.until)] \(notice.text)\n") }
    }

    /// The notices of the file, or why they cannot be published, in plain words.
    static func notices(in file: String) throws -> [PolicyNotice] {
        try PublishedFile.records(
            in: file,
            shape:
                "a notice or a list of them: {\"id\", \"title\", \"body\", \"from\": \"YYYY-MM-DD\", \"until\": \"YYYY-MM-DD\"}",
            problems: { PolicyNotice.problems(of: $0).map(\.english) })
    }
}

import ArgumentParser
import CentreClient
import Foundation

/// A terminal joins its centre: keys made here, a certificate and token from the centre for the
/// county's one-time code, all kept where `sskiosk serve` finds them.
struct EnrolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrol",
        abstract: "Join the centre with a one-time code: make this terminal's keys, get its certificate and token.")

    @Option(help: "The centre's address (https://host:port).")
    var centre: String

    @Option(help: "The one-time code the county issued (`sskiosk centre enrolment-code`).")
    var code: String

    @Option(help: "The CA of the centre's own certificate (PEM), the only one trusted for it.")
    var centreCA: String

    @Option(help: "Where to keep the certificate, keys and token (`sskiosk serve --enrolment-directory`).")
    var directory = EnrolmentDirectory.standard

    func validate() throws {
        guard URL(string: centre)?.scheme == "https" else {
            throw ValidationError("--centre must be an https:// address.")
        }
    }

    func run() async throws {
        let answer = try await TerminalEnroller(
            centre: URL(string: centre)!, centreCA: centreCA, directory: EnrolmentDirectory(directory)
        ).enrol(code: code)
        print(
            "enrolled as \(answer.terminalID) for \(answer.jurisdiction); certificate, keys and token in \(directory)")
    }
}

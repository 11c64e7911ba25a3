import ArgumentParser
import CentreClient
import Foundation
import KioskCore

/// Where the terminal's centre is and the files that prove who the terminal is: by default those
/// `sskiosk enrol` left in the enrolment directory. Without `--centre` the terminal runs alone: it
/// serves its cache and keeps its writes queued.
struct CentreLinkOptions: ParsableArguments {
    @Option(help: "The centre's address (https://host:port); without it, no sync.")
    var centre: String?

    @Option(
        help: """
            Where `sskiosk enrol` left the terminal's certificate, keys and token: the defaults of the options below \
            (default: \(EnrolmentDirectory.standard)).
            """)
    var enrolmentDirectory: String?

    @Option(help: "The centre CA's certificate (PEM), the only CA trusted for the centre.")
    var centreCA: String?

    @Option(help: "This terminal's client certificate (PEM), signed by the centre CA.")
    var centreCertificate: String?

    @Option(help: "This terminal's private key (PEM).")
    var centreKey: String?

    @Option(help: "File holding the terminal's bearer token.")
    var centreTokenFile: String?

    func validate() throws {
        guard let centre else { return }
        if URL(string: centre)?.scheme != "https" { throw ValidationError("--centre must be an https:// address.") }
    }

    /// The link, or nil when no centre was given.
    func link() throws -> HTTPCentreLink? {
        guard let centre, let url = URL(string: centre) else { return nil }
        let enrolled = EnrolmentDirectory(enrolmentDirectory ?? EnrolmentDirectory.standard)
        return try HTTPCentreLink(
            configuration: CentreClientConfiguration(
                url: url, caFile: centreCA ?? enrolled.centreCA,
                certificateFile: centreCertificate ?? enrolled.certificate,
                keyFile: centreKey ?? enrolled.key, tokenFile: centreTokenFile ?? enrolled.token))
    }
}

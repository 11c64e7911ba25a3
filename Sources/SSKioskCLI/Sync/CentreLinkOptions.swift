import ArgumentParser
import CentreClient
import Foundation
import KioskCore

/// Where the terminal's centre is and the files that prove who the terminal is. Without
/// `--centre` the terminal runs alone: it serves its cache and keeps its writes queued.
struct CentreLinkOptions: ParsableArguments {
    @Option(help: "The centre's address (https://host:port); without it, no sync.")
    var centre: String?

    @Option(help: "The centre CA's certificate (PEM), the only CA trusted for the centre.")
    var centreCA: String?

    @Option(help: "This terminal's client certificate (PEM), signed by the centre CA.")
    var centreCertificate: String?

    @Option(help: "This terminal's private key (PEM).")
    var centreKey: String?

    @Option(help: "File holding the terminal's bearer token from `sskiosk centre register-terminal`.")
    var centreTokenFile: String?

    func validate() throws {
        guard centre != nil else { return }
        let missing = [
            ("--centre-ca", centreCA), ("--centre-certificate", centreCertificate), ("--centre-key", centreKey),
            ("--centre-token-file", centreTokenFile),
        ].filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty { throw ValidationError("--centre needs \(missing.joined(separator: ", ")) too.") }
        if URL(string: centre!)?.scheme != "https" { throw ValidationError("--centre must be an https:// address.") }
    }

    /// The link, or nil when no centre was given.
    func link() throws -> HTTPCentreLink? {
        guard let centre, let centreCA, let centreCertificate, let centreKey, let centreTokenFile,
            let url = URL(string: centre)
        else { return nil }
        return try HTTPCentreLink(
            configuration: CentreClientConfiguration(
                url: url, caFile: centreCA, certificateFile: centreCertificate, keyFile: centreKey,
                tokenFile: centreTokenFile))
    }
}

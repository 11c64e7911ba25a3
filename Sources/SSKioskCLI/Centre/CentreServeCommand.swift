import ArgumentParser
import Centre
import Foundation
import Hummingbird
import Logging

/// The sync service terminals talk to, over HTTPS with client certificates.
struct CentreServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the centre's sync service (HTTPS, terminals need a client certificate).")

    @OptionGroup var store: CentreStoreOptions

    @Option(help: "Address to listen on.")
    var host = "0.0.0.0"

    @Option(help: "Port to listen on (0: any free port, printed when listening).")
    var port = 8443

    @Option(help: "The centre's certificate chain (PEM).")
    var certificate: String

    @Option(help: "The centre's private key (PEM).")
    var key: String

    @Option(help: "A CA of terminal client certificates made by hand (PEM), trusted beside the centre's own CA.")
    var clientCA: String?

    @Option(
        help: "The centre's own CA for terminals (ca.key, ca.pem), made here on first start; terminals enrol with it.")
    var terminalCA = CentreCACommand.standardDirectory

    @Option(help: "Snapshots one terminal may start per window; more are refused (429) until the window moves on.")
    var snapshotLimit = SnapshotLimit.standard.starts

    @Option(help: "The window of --snapshot-limit, in seconds.")
    var snapshotWindow = SnapshotLimit.standard.window

    func validate() throws {
        guard snapshotLimit >= 1, snapshotWindow > 0 else {
            throw ValidationError("--snapshot-limit must be at least 1 and --snapshot-window more than 0.")
        }
    }

    func run() async throws {
        let logger = {
            var logger = Logger(label: "sskiosk.centre")
            logger.logLevel = .info
            return logger
        }()
        let tls = CentreTLS(certificateChain: certificate, privateKey: key, clientCA: clientCA)
        let host = host, port = port
        let limit = SnapshotLimit(starts: snapshotLimit, window: snapshotWindow)
        let authority = try TerminalAuthority.openOrCreate(terminalCA)
        try await store.withStore(logger: logger) { store in
            let server = CentreServer(
                store: store, host: host, port: port, tls: tls, logger: logger, snapshotLimit: limit,
                authority: authority)
            try await server.application { port in
                // A line for scripts and process tests that start the centre on port 0, unbuffered.
                FileHandle.standardOutput.write(Data("listening on \(port)\n".utf8))
            }.runService()
        }
    }
}

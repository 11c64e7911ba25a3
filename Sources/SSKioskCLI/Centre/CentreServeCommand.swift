import ArgumentParser
import Centre
import Foundation
import Hummingbird
import KioskServer
import KioskWeb
import Logging
import RoleSettings
import ServerMetrics
import Supervision

/// The sync service terminals talk to, over HTTPS with client certificates, and the county staff's
/// console (`/console`) beside it.
///
/// Every option is also a key of the centre's configuration file (/etc/sskiosk/centre.json, or
/// `--config FILE`) and an environment variable (`--client-ca`: `clientCA`, `SSKIOSK_CLIENT_CA`),
/// flags first, then the environment, the file and the defaults (``CentreSettings``).
struct CentreServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Run the centre's sync service (HTTPS, terminals need a client certificate) and the staff's console (/console).",
        discussion: """
            Each option is also a key of the configuration file (--client-ca: clientCA) and an environment variable \
            (SSKIOSK_CLIENT_CA). Flags win over the environment, the environment over the file, the file over the \
            defaults. `sskiosk config check --role centre` checks the file and prints the settings in effect.
            """)

    @Option(help: "The centre's configuration file (JSON). Default: /etc/sskiosk/centre.json, if there.")
    var config: String?

    @OptionGroup var store: CentreStoreOptions

    @Option(help: "Address to listen on (default: 0.0.0.0).")
    var host: String?

    @Option(help: "Port to listen on (0: any free port, printed when listening; default: 8443).")
    var port: Int?

    @Option(help: "The centre's certificate chain (PEM).")
    var certificate: String?

    @Option(help: "The centre's private key (PEM).")
    var key: String?

    @Option(help: "A CA of terminal client certificates made by hand (PEM), trusted beside the centre's own CA.")
    var clientCA: String?

    @Option(
        help: "The centre's own CA for terminals (ca.key, ca.pem), made here on first start; terminals enrol with it.")
    var terminalCA: String?

    @Option(help: "Snapshots one terminal may start per window; more are refused (429) until the window moves on.")
    var snapshotLimit: Int?

    @Option(help: "The window of --snapshot-limit, in seconds.")
    var snapshotWindow: Double?

    @Option(
        help:
            "How many changes past a broken-off snapshot's cursor the centre may be and still let it resume; beyond, the terminal starts afresh (410)."
    )
    var snapshotResumeLimit: Int?

    /// The options given on the command line, by setting.
    private var flags: FlagValues {
        typealias C = CentreSettings
        var flags = FlagValues()
        flags.add(C.database, store.database)
        flags.add(C.postgres, store.postgres)
        flags.add(C.ledgerKey, store.ledgerKey)
        flags.add(C.host, host)
        flags.add(C.port, port)
        flags.add(C.certificate, certificate)
        flags.add(C.key, key)
        flags.add(C.clientCA, clientCA)
        flags.add(C.terminalCA, terminalCA)
        flags.add(C.snapshotLimit, snapshotLimit)
        flags.add(C.snapshotWindow, snapshotWindow)
        flags.add(C.snapshotResumeLimit, snapshotResumeLimit)
        return flags
    }

    func run() async throws {
        let settings = try await SettingsRole.centre.load(flags: flags, file: config)
        // What this start comes to is kept beside the centre's SQLite file, in its data directory
        // whichever store it uses: a failed start shows in `systemctl status` and stays on record.
        let supervisor = SystemdSupervisor(
            startRecord: StartRecordFile(besideDatabase: settings.text(CentreSettings.database)!))
        try await supervisor.supervising(version: KioskTerminal.version) {
            try await serve(settings, supervisor: supervisor)
        }
    }

    private func serve(_ settings: RoleSettings, supervisor: SystemdSupervisor) async throws {
        typealias C = CentreSettings
        let logger = {
            var logger = Logger(label: "sskiosk.centre")
            logger.logLevel = .info
            return logger
        }()
        // Each has a default, or CentreSettings.problems refused its absence.
        let tls = CentreTLS(
            certificateChain: settings.text(C.certificate)!, privateKey: settings.text(C.key)!,
            clientCA: settings.text(C.clientCA))
        let host = settings.text(C.host)!, port = settings.wholeNumber(C.port)!
        let limit = SnapshotLimit(
            starts: settings.wholeNumber(C.snapshotLimit)!, window: settings.number(C.snapshotWindow)!)
        let authority = try TerminalAuthority.openOrCreate(settings.text(C.terminalCA)!)
        let pages = try ConsolePages()
        let database = settings.text(C.database)!
        try await CentreStoreOptions.withStore(
            database: database, postgres: settings.text(C.postgres),
            ledgerKey: CentreStoreOptions.ledgerKeyPath(settings.text(C.ledgerKey), database: database), logger: logger
        ) { store in
            let server = CentreServer(
                store: store, host: host, port: port, tls: tls, logger: logger, snapshotLimit: limit,
                authority: authority, snapshotResumeLimit: Int64(settings.wholeNumber(C.snapshotResumeLimit)!),
                supervisor: supervisor,
                addPages: { router in
                    pages.addRoutes(to: router)
                    ServerMetrics.addRoutes(to: router)
                })
            try await server.application { port in
                // A line for scripts and process tests that start the centre on port 0, unbuffered.
                FileHandle.standardOutput.write(Data("listening on \(port)\n".utf8))
            }.runService()
        }
    }
}

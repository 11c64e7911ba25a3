import ArgumentParser
import CardSimulator
import Diagnostics
import Foundation
import KioskCore
import KioskServer
import KioskStore
import Logging
import SmartCard
import SocialSecurityCard

/// The terminal service: the API and event stream on localhost over the local store, with the
/// resident's reader watched for cards. `--demo` fills an empty store with a synthetic township,
/// the rig's resident and demo staff accounts.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the terminal service.")

    @Option(help: "The terminal's SQLite database.")
    var database = "/var/lib/sskiosk/terminal.sqlite"

    @Option(help: "Address to listen on (localhost: the terminal's own browser).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "The reader residents insert their card into.")
    var residentReader = "Virtual PCD 00 00"

    @Option(help: "Seconds of inactivity that end a resident's session.")
    var idleTimeout = 120.0

    @OptionGroup var keyOptions: KeyOptions

    @Flag(help: "Fill an empty database with synthetic demo data (a township, the rig's resident, demo staff).")
    var demo = false

    func run() async throws {
        var logger = Logger(label: "sskiosk.server")
        logger.logLevel = .info
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: database).deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        let store = try SQLiteKioskStore(path: database)
        if demo, try await store.terminal() == nil { try await DemoData.load(into: store, logger: logger) }
        let context = try PCSCContext()
        // GET /api/diagnostics runs what `sskiosk diag` runs for this terminal's reader, cache and address.
        let diagnostics = try DiagOptions.parse([
            "--reader", residentReader, "--database", database, "--service", "http://\(host):\(port)",
        ])
        let terminal = KioskTerminal(
            configuration: KioskServerConfiguration(
                host: host, port: port, residentReader: residentReader, idleTimeout: idleTimeout),
            store: store,
            cards: .pcsc(context, keys: try await keyOptions.provider(context)),
            logger: logger,
            diagnostics: { await diagnostics.report() }
        )
        logger.info("terminal service listening", metadata: ["address": "http://\(host):\(port)"])
        try await terminal.application().runService()
    }
}

import ArgumentParser
import CardSimulator
import CentreClient
@preconcurrency import Crypto
import Diagnostics
import Documents
import Foundation
import KioskCore
import KioskSQLite
import KioskServer
import KioskWeb
import Logging
import Printing
import ServiceLifecycle
import SmartCard
import SocialSecurityCard

/// The terminal service: the API and event stream on localhost over the local store, with the
/// resident's reader watched for cards. `--demo` fills an empty store with a synthetic township,
/// the rig's resident and demo staff accounts.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the terminal service.")

    @Option(help: "The terminal's SQLite database.")
    var database = "/var/lib/sskiosk/terminal.sqlite"

    @Option(help: "Address to listen on: loopback only (127.0.0.1, ::1), the terminal's own browser.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "The reader residents insert their card into.")
    var residentReader = "Virtual PCD 00 00"

    @Flag(help: "Watch no reader for residents' cards: staff endpoints only (a desk PC without a card reader).")
    var noResidentReader = false

    @Option(help: "Seconds of inactivity that end a resident's session.")
    var idleTimeout = 120.0

    @Option(help: "Seconds without input after which the desk locks: its screen is emptied and the staff token ends.")
    var staffIdleLock = KioskServerConfiguration.standardStaffIdleLock

    @Option(help: "Seconds between keep-alive comments on an idle event stream.")
    var eventKeepAlive = 15.0

    @Option(help: "The reader of the desk, where blank cards are personalised.")
    var deskReader = "Virtual PCD 00 00"

    @Option(help: "Directory of the personalisation journal.")
    var journal = "/var/lib/sskiosk/personalisation"

    @Option(help: "cupsd queue for A4 documents (certificates, statements, receipts, ledgers).")
    var documentQueue = "rig-a4"

    @Option(help: "cupsd queue of the card printer (card faces).")
    var cardQueue = "rig-card"

    @Option(
        help: """
            Ed25519 signing key file for documents' QR codes (64 hex digits); without it, the key `sskiosk enrol` made \
            (in --enrolment-directory), else a new key per run.
            """)
    var documentKey: String?

    @Flag(help: "Offer no spoken prompts on the kiosk page (no espeak-ng on this terminal).")
    var noSpeech = false

    @OptionGroup var keyOptions: KeyOptions

    @OptionGroup var profileOptions: ProfileOptions

    @Flag(help: "Fill an empty database with synthetic demo data (a township, the rig's resident, demo staff).")
    var demo = false

    @OptionGroup var ledgerKeyOptions: LedgerKeyOptions

    @OptionGroup var centreLink: CentreLinkOptions

    @OptionGroup var syncSchedule: SyncScheduleOptions

    @Option(help: "This terminal's id, set in a store that has none (a terminal installed for a centre).")
    var terminalID: String?

    @Option(help: "The region-code prefix this terminal serves, with --terminal-id.")
    var jurisdiction: String?

    @Flag(help: "Add the demo staff accounts (rig and tests only) for the terminal's jurisdiction if missing.")
    var demoStaff = false

    @Flag(help: "This terminal is a test rig: a software key set (--keys) may stand in for the PSAM.")
    var testRig = false

    func validate() throws {
        guard eventKeepAlive > 0 else { throw ValidationError("--event-keep-alive must be more than 0 seconds.") }
        guard staffIdleLock > 0 else { throw ValidationError("--staff-idle-lock must be more than 0 seconds.") }
        if (terminalID == nil) != (jurisdiction == nil) {
            throw ValidationError("Give --terminal-id and --jurisdiction together.")
        }
        if demo && terminalID != nil { throw ValidationError("--demo makes its own terminal: drop --terminal-id.") }
        if demoStaff && !demo {
            throw ValidationError(
                "--demo-staff adds accounts whose password is public: only with --demo. "
                    + "Add real staff with `sskiosk staff add`.")
        }
        // The API speaks plain HTTP and trusts its caller's network position: loopback only.
        guard ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") else {
            throw ValidationError(
                "--host \(host) would put the API on the network over plain HTTP; it serves loopback only.")
        }
        // A region's profile with mistakes stops the service before it touches its database.
        _ = try profileOptions.load()
        if keyOptions.keys != nil && !testRig {
            throw ValidationError(
                "--keys is a software test key set: a terminal in service keeps its keys in a PSAM "
                    + "(--psam-reader). Give --test-rig on a test rig.")
        }
    }

    func run() async throws {
        var logger = Logger(label: "sskiosk.server")
        logger.logLevel = .info
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: database).deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        let store = try SQLiteKioskStore(path: database, ledgerKey: try ledgerKeyOptions.readOrCreate())
        if demo, try await store.terminal() == nil { try await DemoData.load(into: store, logger: logger) }
        if let terminalID, let jurisdiction, try await store.terminal() == nil {
            try await store.setTerminal(
                TerminalIdentity(terminalID: terminalID, jurisdiction: try Jurisdiction(jurisdiction), name: terminalID)
            )
        }
        if demoStaff, let terminal = try await store.terminal() {
            try await DemoData.addStaff(into: store, jurisdiction: terminal.jurisdiction, logger: logger)
        }
        let link = try centreLink.link()
        let monitor = link.map { _ in SyncMonitor() }
        // Deferred: the service starts and serves staff while pcscd is down; the reader monitor
        // waits for the daemon by itself.
        let context = PCSCContext.deferred()
        let keys = try await keyOptions.provider(context)
        let profile = try profileOptions.load()
        let signingKey: Curve25519.Signing.PrivateKey
        let enrolledKey = EnrolmentDirectory(centreLink.enrolmentDirectory).documentKey
        if let documentKey = documentKey ?? (FileManager.default.fileExists(atPath: enrolledKey) ? enrolledKey : nil) {
            signingKey = try DocumentKeyFile.read(documentKey)
        } else {
            signingKey = Curve25519.Signing.PrivateKey()
            logger.warning("no --document-key and no enrolment: documents are signed with a key made for this run only")
        }
        // GET /api/diagnostics runs what `sskiosk diag` runs for this terminal's reader, queues, cache and address.
        let diagnostics = DiagnosticsPlan(
            cardReader: residentReader, queues: [documentQueue, cardQueue], serviceURL: "http://\(host):\(port)",
            database: database, readCache: SQLiteKioskStore.health(ofCacheAt:))
        let terminal = KioskTerminal(
            configuration: KioskServerConfiguration(
                host: host, port: port, residentReader: residentReader, idleTimeout: idleTimeout,
                staffIdleLock: staffIdleLock, deskReader: deskReader, documentQueue: documentQueue,
                cardQueue: cardQueue,
                eventKeepAlive: eventKeepAlive),
            store: store,
            cards: .pcsc(context, keys: keys, profile: profile),
            desk: .pcsc(
                context, keys: keys, journal: try FileJournal(directory: URL(fileURLWithPath: journal)),
                profile: profile),
            printService: CUPSPrintService(logger: logger),
            // The key id names the terminal, so a register entry says whose key signed the document.
            documentSigner: Ed25519Signer(
                keyID: try await store.terminal()?.terminalID ?? "terminal", privateKey: signingKey),
            logger: logger,
            diagnostics: { cardInUse in await diagnostics.run(cardInUse: cardInUse) },
            sync: monitor,
            certificates: link
        )
        let pages = try KioskPages(speech: noSpeech ? nil : EspeakSpeech())
        var background: [any Service] = []
        if let link, let monitor {
            let engine = SyncEngine(store: store, link: link)
            background.append(
                SyncService(
                    runner: SyncRunner(
                        engine: engine, monitor: monitor, drainInterval: syncSchedule.drainInterval,
                        pullInterval: syncSchedule.pullEvery, backoff: syncSchedule.backoff,
                        logger: Logger(label: "sskiosk.sync"))))
            logger.info("syncing with the centre", metadata: ["centre": "\(centreLink.centre ?? "")"])
        }
        logger.info(
            "terminal service listening",
            metadata: ["address": "http://\(host):\(port)", "kiosk": "/kiosk", "desk": "/desk"])
        try await terminal.application(
            watchCards: !noResidentReader, background: background, addRoutes: pages.addRoutes
        ).runService()
        try await link?.shutdown()
    }
}

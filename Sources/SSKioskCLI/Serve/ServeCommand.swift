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
import RoleSettings
import ServerMetrics
import ServiceLifecycle
import SmartCard
import SocialSecurityCard
import Supervision

/// The terminal service: the API and event stream on localhost over the local store, with the
/// resident's reader watched for cards. `--demo` fills an empty store with a synthetic township,
/// the rig's resident and demo staff accounts.
///
/// Every option is also a key of the terminal's configuration file (/etc/sskiosk/terminal.json, or
/// `--config FILE`) and an environment variable: `--resident-reader` is `residentReader` and
/// `SSKIOSK_RESIDENT_READER`. A flag wins over the environment, which wins over the file, which
/// wins over the built-in default (``TerminalSettings``); options are optional here so that one
/// left out leaves the choice to the levels below.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the terminal service.",
        discussion: """
            Each option is also a key of the configuration file (--resident-reader: residentReader) and an \
            environment variable (SSKIOSK_RESIDENT_READER). Flags win over the environment, the environment over \
            the file, the file over the defaults. Readers and printer queues have no default. \
            `sskiosk config check` checks the file and prints the settings in effect.
            """)

    @Option(help: "The terminal's configuration file (JSON). Default: /etc/sskiosk/terminal.json, if there.")
    var config: String?

    @Option(help: "The terminal's SQLite database (default: /var/lib/sskiosk/terminal.sqlite).")
    var database: String?

    @Option(
        help: "Address to listen on: loopback only (127.0.0.1, ::1), the terminal's own browser (default: 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (default: 8080).")
    var port: Int?

    @Option(help: "The reader residents insert their card into.")
    var residentReader: String?

    @Flag(help: "Watch no reader for residents' cards: staff endpoints only (a desk PC without a card reader).")
    var noResidentReader = false

    @Option(help: "Seconds of inactivity that end a resident's session (default: 120).")
    var idleTimeout: Double?

    @Option(help: "Seconds without input after which the desk locks: its screen is emptied and the staff token ends.")
    var staffIdleLock: Double?

    @Option(help: "Seconds between keep-alive comments on an idle event stream (default: 15).")
    var eventKeepAlive: Double?

    @Option(help: "The reader of the desk, where blank cards are personalised.")
    var deskReader: String?

    @Option(help: "Directory of the personalisation journal (default: /var/lib/sskiosk/personalisation).")
    var journal: String?

    @Option(help: "cupsd queue for A4 documents (certificates, statements, receipts, ledgers).")
    var documentQueue: String?

    @Option(help: "cupsd queue of the card printer (card faces).")
    var cardQueue: String?

    @Option(help: "cupsd queue of the kiosk's 80 mm receipt roll: residents' receipts print there, cut to length.")
    var receiptQueue: String?

    @Option(help: "The desk camera as a GStreamer source with its properties, e.g. \"v4l2src device=/dev/video0\".")
    var camera: String?

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

    @Option(help: "Seconds between heartbeats to the centre while nothing changes (default: 60).")
    var heartbeatInterval: Double?

    @Option(
        help: "Seconds between looks at the readers and printers; a change goes to the centre at once (default: 10).")
    var deviceLookInterval: Double?

    @Option(help: "This terminal's id, set in a store that has none (a terminal installed for a centre).")
    var terminalID: String?

    @Option(help: "The region-code prefix this terminal serves, with --terminal-id.")
    var jurisdiction: String?

    @Flag(help: "Add the demo staff accounts (rig and tests only) for the terminal's jurisdiction if missing.")
    var demoStaff = false

    @Flag(help: "This terminal is a test rig: a software key set (--keys) may stand in for the PSAM.")
    var testRig = false

    /// The options given on the command line, by setting.
    private var flags: FlagValues {
        typealias T = TerminalSettings
        var flags = FlagValues()
        flags.add(T.database, database)
        flags.add(T.host, host)
        flags.add(T.port, port)
        flags.add(T.residentReader, residentReader)
        flags.add(T.noResidentReader, noResidentReader)
        flags.add(T.idleTimeout, idleTimeout)
        flags.add(T.staffIdleLock, staffIdleLock)
        flags.add(T.eventKeepAlive, eventKeepAlive)
        flags.add(T.deskReader, deskReader)
        flags.add(T.journal, journal)
        flags.add(T.documentQueue, documentQueue)
        flags.add(T.cardQueue, cardQueue)
        flags.add(T.receiptQueue, receiptQueue)
        flags.add(T.camera, camera)
        flags.add(T.documentKey, documentKey)
        flags.add(T.noSpeech, noSpeech)
        flags.add(T.psamReader, keyOptions.psamReader)
        flags.add(T.keys, keyOptions.keys)
        flags.add(T.traceKeys, keyOptions.traceKeys)
        flags.add(T.profile, profileOptions.profile)
        flags.add(T.demo, demo)
        flags.add(T.ledgerKey, ledgerKeyOptions.ledgerKey)
        flags.add(T.centre, centreLink.centre)
        flags.add(T.enrolmentDirectory, centreLink.enrolmentDirectory)
        flags.add(T.centreCA, centreLink.centreCA)
        flags.add(T.centreCertificate, centreLink.centreCertificate)
        flags.add(T.centreKey, centreLink.centreKey)
        flags.add(T.centreTokenFile, centreLink.centreTokenFile)
        flags.add(T.syncInterval, syncSchedule.syncInterval)
        flags.add(T.pullInterval, syncSchedule.pullInterval)
        flags.add(T.syncBackoffLimit, syncSchedule.syncBackoffLimit)
        flags.add(T.centreReadTimeout, syncSchedule.centreReadTimeout)
        flags.add(T.heartbeatInterval, heartbeatInterval)
        flags.add(T.deviceLookInterval, deviceLookInterval)
        flags.add(T.terminalID, terminalID)
        flags.add(T.jurisdiction, jurisdiction)
        flags.add(T.demoStaff, demoStaff)
        flags.add(T.testRig, testRig)
        return flags
    }

    func run() async throws {
        let settings = try await SettingsRole.terminal.load(flags: flags, file: config)
        // What this start comes to is kept beside the database, for `sskiosk diag` after an upgrade.
        let supervisor = SystemdSupervisor(
            startRecord: StartRecordFile(besideDatabase: settings.text(TerminalSettings.database)!))
        try await supervisor.supervising(version: KioskTerminal.version) {
            try await serve(settings, supervisor: supervisor)
        }
    }

    private func serve(_ settings: RoleSettings, supervisor: SystemdSupervisor) async throws {
        typealias T = TerminalSettings
        // Each has a default, or TerminalSettings.problems refused its absence.
        let database = settings.text(T.database)!, host = settings.text(T.host)!, port = settings.wholeNumber(T.port)!
        let residentReader = settings.text(T.residentReader) ?? "", deskReader = settings.text(T.deskReader)!
        let documentQueue = settings.text(T.documentQueue)!, cardQueue = settings.text(T.cardQueue)!
        let receiptQueue = settings.text(T.receiptQueue)
        let queues = [documentQueue, cardQueue] + (receiptQueue.map { [$0] } ?? [])
        // A region's profile with mistakes stops the service before it touches its database.
        let profile = try ProfileOptions.load(settings.text(T.profile))
        var logger = Logger(label: "sskiosk.server")
        logger.logLevel = .info
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: database).deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        let store = try SQLiteKioskStore(
            path: database, ledgerKey: try LedgerKeyFile.readOrCreate(settings.text(T.ledgerKey)!))
        if settings.isOn(T.demo), try await store.terminal() == nil {
            try await DemoData.load(into: store, logger: logger)
        }
        if let terminalID = settings.text(T.terminalID), let jurisdiction = settings.text(T.jurisdiction),
            try await store.terminal() == nil
        {
            try await store.setTerminal(
                TerminalIdentity(terminalID: terminalID, jurisdiction: try Jurisdiction(jurisdiction), name: terminalID)
            )
        }
        if settings.isOn(T.demoStaff), let terminal = try await store.terminal() {
            try await DemoData.addStaff(into: store, jurisdiction: terminal.jurisdiction, logger: logger)
        }
        // The centre's files default to those `sskiosk enrol` left.
        let enrolled = EnrolmentDirectory(settings.text(T.enrolmentDirectory)!)
        let centre = settings.text(T.centre)
        let link = try centre.flatMap { URL(string: $0) }.map { url in
            try HTTPCentreLink(
                configuration: CentreClientConfiguration(
                    url: url, caFile: settings.text(T.centreCA) ?? enrolled.centreCA,
                    certificateFile: settings.text(T.centreCertificate) ?? enrolled.certificate,
                    keyFile: settings.text(T.centreKey) ?? enrolled.key,
                    tokenFile: settings.text(T.centreTokenFile) ?? enrolled.token,
                    readTimeout: Self.duration(settings.number(T.centreReadTimeout)!)))
        }
        let monitor = link.map { _ in SyncMonitor() }
        // Deferred: the service starts and serves staff while pcscd is down; the reader monitor
        // waits for the daemon by itself.
        let context = PCSCContext.deferred()
        // The PSAM is reached when a card first needs it, so that the service starts (and says what
        // is missing) while pcscd or the PSAM is not there yet.
        let keys: (any KeyProvider)?
        if let psamReader = settings.text(T.psamReader) {
            keys = DeferredKeyProvider {
                try await PSAMKeyProvider(channel: try await context.connect(reader: psamReader))
            }
        } else {
            keys = try await KeyOptions.provider(
                context, psamReader: nil, keys: settings.text(T.keys), traceKeys: settings.text(T.traceKeys))
        }
        let signingKey: Curve25519.Signing.PrivateKey
        let enrolledKey = enrolled.documentKey
        if let documentKey = settings.text(T.documentKey)
            ?? (FileManager.default.fileExists(atPath: enrolledKey) ? enrolledKey : nil)
        {
            signingKey = try DocumentKeyFile.read(documentKey)
        } else {
            signingKey = Curve25519.Signing.PrivateKey()
            logger.warning("no --document-key and no enrolment: documents are signed with a key made for this run only")
        }
        // GET /api/diagnostics runs what `sskiosk diag` runs for this terminal's reader, queues, cache and address.
        let diagnostics = DiagnosticsPlan(
            cardReader: settings.text(T.residentReader), queues: queues,
            serviceURL: "http://\(host):\(port)",
            database: database, readCache: SQLiteKioskStore.health(ofCacheAt:))
        let terminal = KioskTerminal(
            configuration: KioskServerConfiguration(
                host: host, port: port, residentReader: residentReader, idleTimeout: settings.number(T.idleTimeout)!,
                staffIdleLock: settings.number(T.staffIdleLock)!, deskReader: deskReader, documentQueue: documentQueue,
                cardQueue: cardQueue, receiptQueue: receiptQueue,
                camera: settings.text(T.camera).map { $0.split(separator: " ").map(String.init) },
                eventKeepAlive: settings.number(T.eventKeepAlive)!),
            store: store,
            cards: .pcsc(context, keys: keys, profile: profile),
            desk: .pcsc(
                context, keys: keys,
                journal: try FileJournal(directory: URL(fileURLWithPath: settings.text(T.journal)!)),
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
        let pages = try KioskPages(
            speech: settings.isOn(T.noSpeech) ? nil : EspeakSpeech(),
            publishedText: { kind, id in
                switch kind {
                case "guide": try await store.serviceGuides().first { $0.kind.rawValue == id }?.text
                case "notice": try await KioskServices(store: store).notices().first { $0.id == id }?.text
                default: nil
                }
            })
        var background: [any Service] = []
        if let link, let monitor {
            let engine = SyncEngine(store: store, link: link)
            background.append(
                SyncService(
                    runner: SyncRunner(
                        engine: engine, monitor: monitor,
                        drainInterval: Self.duration(settings.number(T.syncInterval)!),
                        pullInterval: Self.duration(settings.number(T.pullInterval)!),
                        // A listening pull waits without a byte: it ends well inside the read timeout.
                        listen: min(25, Int(settings.number(T.centreReadTimeout)!) * 2 / 3),
                        backoff: SyncBackoff(limit: Self.duration(settings.number(T.syncBackoffLimit)!)),
                        logger: Logger(label: "sskiosk.sync"))))
            background.append(
                HeartbeatService(
                    link: link,
                    survey: DeviceSurvey(
                        readers: Array(Set([residentReader, deskReader].filter { !$0.isEmpty })).sorted(),
                        queues: queues),
                    store: store, monitor: monitor,
                    lookInterval: Self.duration(settings.number(T.deviceLookInterval)!),
                    heartbeatInterval: settings.number(T.heartbeatInterval)!, version: KioskTerminal.version,
                    logger: Logger(label: "sskiosk.heartbeat")))
            logger.info("syncing with the centre", metadata: ["centre": "\(centre ?? "")"])
        }
        logger.info(
            "terminal service listening",
            metadata: ["address": "http://\(host):\(port)", "kiosk": "/kiosk", "desk": "/desk"])
        try await terminal.application(
            watchCards: !settings.isOn(T.noResidentReader), background: background,
            addRoutes: { router in
                pages.addRoutes(to: router)
                ServerMetrics.addRoutes(to: router)
            },
            supervisor: supervisor
        ).runService()
        try await link?.shutdown()
    }

    /// Seconds as the sync runner takes them.
    private static func duration(_ seconds: Double) -> Duration { .milliseconds(Int64(seconds * 1000)) }
}

import CentreClient
import Foundation
import KioskServer
import RoleSettings

/// The settings of `sskiosk serve`, the kiosk's or the desk's terminal service, as keys of
/// /etc/sskiosk/terminal.json. Readers and printer queues have no default: each terminal names its
/// own, and the virtual rig's are in hardware/rig/terminal.json.
enum TerminalSettings {
    static let file = "/etc/sskiosk/terminal.json"

    static let database = Setting(
        "database", .place, standard: .text("/var/lib/sskiosk/terminal.sqlite"), "terminal's SQLite database")
    static let host = Setting("host", .text, standard: .text("127.0.0.1"), "address to listen on (loopback only)")
    static let port = Setting("port", .wholeNumber, standard: .wholeNumber(8080), "port to listen on")
    static let residentReader = Setting("residentReader", .text, "reader residents insert their card into")
    static let noResidentReader = Setting("noResidentReader", .onOff, "watch no reader for residents' cards")
    static let idleTimeout = Setting(
        "idleTimeout", .number, standard: .number(120), "seconds of inactivity that end a resident's session")
    static let staffIdleLock = Setting(
        "staffIdleLock", .number, standard: .number(KioskServerConfiguration.standardStaffIdleLock),
        "seconds without input after which the desk locks")
    static let eventKeepAlive = Setting(
        "eventKeepAlive", .number, standard: .number(15), "seconds between keep-alives on an idle event stream")
    static let deskReader = Setting("deskReader", .text, "desk's reader, where blank cards are personalised")
    static let journal = Setting(
        "journal", .place, standard: .text("/var/lib/sskiosk/personalisation"), "personalisation journal's folder")
    static let documentQueue = Setting("documentQueue", .text, "cupsd queue for A4 documents")
    static let cardQueue = Setting("cardQueue", .text, "cupsd queue of the card printer")
    static let receiptQueue = Setting("receiptQueue", .text, "cupsd queue of a kiosk's 80 mm receipt roll")
    static let camera = Setting("camera", .text, "desk camera as a GStreamer source (v4l2src device=/dev/video0)")
    static let documentKey = Setting("documentKey", .secretFile, "documents' Ed25519 signing key file")
    static let noSpeech = Setting("noSpeech", .onOff, "no spoken prompts on the kiosk page")
    static let psamReader = Setting("psamReader", .text, "reader holding the PSAM")
    static let keys = Setting("keys", .secretFile, "test key set file (test rig only)")
    static let traceKeys = Setting("traceKeys", .file, "recorded trace standing in for the keys (rig only)")
    static let profile = Setting("profile", .file, "region's card profile (default: the national one)")
    static let demo = Setting("demo", .onOff, "fill an empty database with synthetic demo data")
    static let ledgerKey = Setting(
        "ledgerKey", .secretFileMadeIfMissing, standard: .text(LedgerKeyOptions.standardPath),
        "ledger key file (made on first start)")
    static let centre = Setting("centre", .text, "centre's https:// address (none: no sync)")
    static let enrolmentDirectory = Setting(
        "enrolmentDirectory", .place, standard: .text(EnrolmentDirectory.standard),
        "where `sskiosk enrol` left the centre's files and documentKey: their defaults")
    static let centreCA = Setting("centreCA", .file, "centre CA's certificate (PEM)")
    static let centreCertificate = Setting("centreCertificate", .file, "terminal's client certificate (PEM)")
    static let centreKey = Setting("centreKey", .secretFile, "terminal's private key file (PEM)")
    static let centreTokenFile = Setting("centreTokenFile", .secretFile, "terminal's bearer token file")
    static let syncInterval = Setting(
        "syncInterval", .number, standard: .number(1), "seconds between drains of the outbox")
    static let pullInterval = Setting(
        "pullInterval", .number, standard: .number(30), "seconds between pulls from the centre")
    static let syncBackoffLimit = Setting(
        "syncBackoffLimit", .number, standard: .number(300), "longest wait between attempts to reach the centre")
    static let centreReadTimeout = Setting(
        "centreReadTimeout", .number, standard: .number(60),
        "seconds without a byte from the centre before a request is given up (a dropped line)")
    static let heartbeatInterval = Setting(
        "heartbeatInterval", .number, standard: .number(60),
        "seconds between heartbeats to the centre when nothing changes")
    static let deviceLookInterval = Setting(
        "deviceLookInterval", .number, standard: .number(10),
        "seconds between looks at the readers and printers; a change is sent to the centre at once")
    static let terminalID = Setting("terminalID", .text, "terminal's id, set in a store that has none")
    static let jurisdiction = Setting("jurisdiction", .text, "region-code prefix the terminal serves")
    static let demoStaff = Setting("demoStaff", .onOff, "add the demo staff accounts (with demo only)")
    static let testRig = Setting("testRig", .onOff, "this terminal is a test rig")

    static let all = [
        database, host, port, residentReader, noResidentReader, idleTimeout, staffIdleLock, eventKeepAlive, deskReader,
        journal, documentQueue, cardQueue, receiptQueue, camera, documentKey, noSpeech, psamReader, keys, traceKeys,
        profile,
        demo, ledgerKey,
        centre, enrolmentDirectory, centreCA, centreCertificate, centreKey, centreTokenFile, syncInterval, pullInterval,
        syncBackoffLimit, centreReadTimeout, heartbeatInterval, deviceLookInterval, terminalID, jurisdiction, demoStaff,
        testRig,
    ]

    /// What the settings, each of its type, may not be together; the words name the flags, which
    /// also name the keys (`--resident-reader` is `residentReader`).
    static func problems(in settings: RoleSettings) -> [SettingsProblem] {
        var problems: [SettingsProblem] = []
        func refuse(_ message: String) { problems.append(SettingsProblem(.invalid, message)) }
        if !settings.isOn(noResidentReader) && settings.text(residentReader) == nil {
            problems.append(
                .missing(
                    residentReader,
                    "`sskiosk readers` lists the readers; on a desk without one, set `noResidentReader` instead."))
        }
        for setting in [deskReader, documentQueue, cardQueue] where settings.text(setting) == nil {
            problems.append(
                .missing(
                    setting,
                    setting == deskReader ? "`sskiosk readers` lists the readers." : "`lpstat -e` lists the queues."))
        }
        if let keepAlive = settings.number(eventKeepAlive), keepAlive <= 0 {
            refuse("--event-keep-alive must be more than 0 seconds.")
        }
        if let lock = settings.number(staffIdleLock), lock <= 0 {
            refuse("--staff-idle-lock must be more than 0 seconds.")
        }
        let intervals = [syncInterval, pullInterval, heartbeatInterval, deviceLookInterval].compactMap(settings.number)
        if intervals.contains(where: { $0 <= 0 }) || (settings.number(syncBackoffLimit) ?? 1) < 1 {
            refuse("Sync and heartbeat intervals must be positive and the backoff limit at least 1 s.")
        }
        if (settings.number(centreReadTimeout) ?? 1) < 1 {
            refuse("--centre-read-timeout must be at least 1 s.")
        }
        if (settings.text(terminalID) == nil) != (settings.text(jurisdiction) == nil) {
            refuse("Give --terminal-id and --jurisdiction together.")
        }
        if settings.isOn(demo) && settings.text(terminalID) != nil {
            refuse("--demo makes its own terminal: drop --terminal-id.")
        }
        if settings.isOn(demoStaff) && !settings.isOn(demo) {
            refuse(
                "--demo-staff adds accounts whose password is public: only with --demo. "
                    + "Add real staff with `sskiosk staff add`.")
        }
        // The API speaks plain HTTP and trusts its caller's network position: loopback only.
        if let host = settings.text(host), !["127.0.0.1", "::1", "localhost"].contains(host), !host.hasPrefix("127.") {
            refuse("--host \(host) would put the API on the network over plain HTTP; it serves loopback only.")
        }
        if [psamReader, keys, traceKeys].compactMap(settings.text).count > 1 {
            refuse("Give one of --psam-reader, --keys and --trace-keys.")
        }
        if settings.text(keys) != nil && !settings.isOn(testRig) {
            refuse(
                "--keys is a software test key set: a terminal in service keeps its keys in a PSAM "
                    + "(--psam-reader). Give --test-rig on a test rig.")
        }
        if let address = settings.text(centre) {
            if URL(string: address)?.scheme != "https" { refuse("--centre must be an https:// address.") }
        }
        return problems
    }
}

import ArgumentParser
import Diagnostics
import Foundation
import KioskSQLite

/// What `sskiosk diag` checks and where, shared by the report and the support bundle.
struct DiagOptions: ParsableArguments {
    /// The groups of checks a run can leave out.
    enum Group: String, ExpressibleByArgument, CaseIterable {
        case readers, printers, service
    }

    @Option(help: "The reader residents insert their card into; default: the first reader holding a card.")
    var reader: String?

    @Option(help: "The reader slot holding the PSAM (issuance desks); without it the PSAM is not checked.")
    var psamReader: String?

    @Option(help: "How many APDUs the latency check exchanges.")
    var roundTrips = 20

    @Option(help: "A print queue to check (repeat for more); default: every queue cupsd has.")
    var queue: [String] = []

    @Flag(help: "Print a test page on the first queue checked and follow it until it is printed.")
    var testPage = false

    @Option(help: "The terminal service's address.")
    var service = "http://127.0.0.1:8080"

    @Option(help: "The terminal's SQLite cache, opened read-only; without it the cache is not checked.")
    var database: String?

    @Option(help: "The centre's address (https://HOST[:PORT]); without it the link is not checked.")
    var centre: String?

    @Option(help: "A PEM file of the CA the centre's certificate must chain to; default: the system's CAs.")
    var centreCA: String?

    @Option(help: "Leave a group of checks out (repeat for more): readers, printers, service.")
    var skip: [Group] = []

    @Option(help: "Seconds any one check may take before it counts as hung.")
    var timeout = 4.0

    @Option(help: "The device catalogue; default: $SSKIOSK_CATALOGUE, or hardware/catalogue.json beside this build.")
    var catalogue: String?

    func validate() throws {
        guard roundTrips >= 1 else { throw ValidationError("--round-trips must be at least 1.") }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds.") }
    }

    /// Runs the checks chosen and returns the report; with `cardInUse` (a resident's session in
    /// the terminal service) the card itself is left alone.
    func report(cardInUse: Bool = false) async -> DiagnosticsReport {
        var checks: [any Check] = []
        if !skip.contains(.readers) {
            checks +=
                ReaderDiagnostics(
                    cardReader: reader, psamReader: psamReader, roundTrips: roundTrips, cardInUse: cardInUse
                ).checks
            checks += PermissionDiagnostics(catalogue: catalogueLocation()).checks
        }
        if !skip.contains(.printers) {
            let queues = await PrinterDiagnostics.resolvingQueues(queue.isEmpty ? nil : queue)
            // The test page must finish within the run's limit for one check.
            let pageTime = Duration.milliseconds(Int(timeout * 1000)) - .milliseconds(500)
            checks +=
                PrinterDiagnostics(
                    queues: queues, testPageQueue: testPage ? queues.first : nil, testPageTimeout: pageTime
                ).checks
        }
        if !skip.contains(.service) {
            checks +=
                ServiceDiagnostics(
                    serviceURL: service, database: database, migrations: SQLiteKioskStore.migrations, centre: centre,
                    centreCA: centreCA
                ).checks
        }
        return await DiagnosticsRunner(checks: checks, timeout: .milliseconds(Int(timeout * 1000))).run()
    }

    /// The catalogue: the option, the environment, or the source tree this binary was built in.
    private func catalogueLocation() -> URL? {
        if let catalogue { return URL(fileURLWithPath: catalogue) }
        if let path = ProcessInfo.processInfo.environment["SSKIOSK_CATALOGUE"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("hardware/catalogue.json")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}

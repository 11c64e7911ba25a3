import ArgumentParser
import Diagnostics
import KioskSQLite

/// What `sskiosk diag` checks and where, shared by the report and the support bundle: the flags
/// only, which say a ``DiagnosticsPlan``; the plan knows what they mean.
struct DiagOptions: ParsableArguments {
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
    var skip: [DiagnosticsPlan.Group] = []

    @Option(help: "Seconds any one check may take before it counts as hung.")
    var timeout = 4.0

    @Option(help: "The device catalogue; default: $SSKIOSK_CATALOGUE, or hardware/catalogue.json beside this build.")
    var catalogue: String?

    func validate() throws {
        guard roundTrips >= 1 else { throw ValidationError("--round-trips must be at least 1.") }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds.") }
    }

    /// The plan these options say, its cache read by the terminal's store.
    var plan: DiagnosticsPlan {
        DiagnosticsPlan(
            skipping: Set(skip), cardReader: reader, psamReader: psamReader, roundTrips: roundTrips,
            catalogue: catalogue, queues: queue.isEmpty ? nil : queue, testPage: testPage, serviceURL: service,
            database: database, readCache: SQLiteKioskStore.health(ofCacheAt:), centre: centre, centreCA: centreCA,
            timeout: .milliseconds(Int(timeout * 1000)))
    }
}

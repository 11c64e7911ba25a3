import KioskCore

/// What one diagnostics run checks, and with which settings: the card reader and the PSAM slot,
/// the print queues, the terminal service's address, its cache and the centre. `sskiosk diag`
/// makes one from its options and the terminal service from its own configuration, so both run
/// the same checks, in the same order, under the same limits.
public struct DiagnosticsPlan: Sendable {
    /// The groups of checks a run can leave out.
    public enum Group: String, CaseIterable, Sendable {
        /// pcscd, the readers, the card and the PSAM, and the device permissions.
        case readers
        /// cupsd, the queues, whether this user may print on them, the test page.
        case printers
        /// The terminal service, its cache, the centre.
        case service
    }

    /// The groups left out.
    public var skipping: Set<Group>
    /// The reader residents insert their card into; `nil`: the first reader holding a card.
    public var cardReader: String?
    /// The reader slot holding the PSAM (issuance desks); `nil`: the terminal has none, no PSAM check.
    public var psamReader: String?
    /// How many APDUs the latency check exchanges.
    public var roundTrips: Int
    /// The device catalogue's path; `nil`: `$SSKIOSK_CATALOGUE`, or hardware/catalogue.json beside this build.
    public var catalogue: String?
    /// The print queues to check; `nil`: every queue cupsd has when the run starts.
    public var queues: [String]?
    /// Whether to print a test page on the first queue checked and follow it until it is printed.
    public var testPage: Bool
    /// Where the terminal service listens; `nil`: not checked.
    public var serviceURL: String?
    /// The terminal's SQLite cache; `nil`: not checked.
    public var database: String?
    /// The store's reading of a cache file (`SQLiteKioskStore.health(ofCacheAt:)`), for the cache check to judge.
    public var readCache: @Sendable (String) throws(CacheFileError) -> CacheHealth
    /// The centre's base URL; `nil`: the link is not checked.
    public var centre: String?
    /// A PEM file of the CA the centre's certificate must chain to; `nil`: the system's roots.
    public var centreCA: String?
    /// The longest any one check may take before it counts as hung.
    public var timeout: Duration

    public init(
        skipping: Set<Group> = [], cardReader: String? = nil, psamReader: String? = nil, roundTrips: Int = 20,
        catalogue: String? = nil, queues: [String]? = nil, testPage: Bool = false,
        serviceURL: String? = "http://127.0.0.1:8080", database: String? = nil,
        readCache: @escaping @Sendable (String) throws(CacheFileError) -> CacheHealth, centre: String? = nil,
        centreCA: String? = nil, timeout: Duration = .seconds(4)
    ) {
        self.skipping = skipping
        self.cardReader = cardReader
        self.psamReader = psamReader
        self.roundTrips = roundTrips
        self.catalogue = catalogue
        self.queues = queues
        self.testPage = testPage
        self.serviceURL = serviceURL
        self.database = database
        self.readCache = readCache
        self.centre = centre
        self.centreCA = centreCA
        self.timeout = timeout
    }

    /// The checks of the plan, in report order; with `cardInUse` (a resident's session in the
    /// terminal service) the card itself is left alone. Asks cupsd for its queues when the plan
    /// names none.
    public func checks(cardInUse: Bool = false) async -> [any Check] {
        var checks: [any Check] = []
        if !skipping.contains(.readers) {
            checks +=
                ReaderDiagnostics(
                    cardReader: cardReader, psamReader: psamReader, roundTrips: roundTrips, cardInUse: cardInUse
                ).checks
            checks += PermissionDiagnostics(catalogue: DeviceCatalogue.location(configured: catalogue)).checks
        }
        if !skipping.contains(.printers) {
            let queues = await PrinterDiagnostics.resolvingQueues(queues)
            // The test page must finish within the run's limit for one check.
            checks +=
                PrinterDiagnostics(
                    queues: queues, testPageQueue: testPage ? queues.first : nil,
                    testPageTimeout: timeout - .milliseconds(500)
                ).checks
        }
        if !skipping.contains(.service) {
            checks +=
                ServiceDiagnostics(
                    serviceURL: serviceURL, database: database, readCache: readCache, centre: centre,
                    centreCA: centreCA
                ).checks
        }
        return checks
    }

    /// Runs the plan's checks and returns the report.
    public func run(cardInUse: Bool = false) async -> DiagnosticsReport {
        await DiagnosticsRunner(checks: await checks(cardInUse: cardInUse), timeout: timeout).run()
    }
}

import Foundation
import KioskCore
import Vocabulary

/// The centre's records behind one seam: SQLite (embedded, the default) or PostgreSQL (a county or
/// city with many terminals). Both keep the same schema (``CentreSchema``), judge commands by the
/// same rules and answer alike; one test suite runs against both.
///
/// Every change made by the centre's staff or operator takes an `audit:` event, which the store
/// chains onto the centre's ledger in the change's own transaction: both happen or neither.
public protocol CentreStore: Sendable {
    /// Records a terminal; fails with ``CentreError/terminalExists`` for an id already taken.
    func register(_ terminal: RegisteredTerminal) async throws
    /// The terminal whose token has this SHA-256, or nil.
    func terminal(tokenHash: String) async throws -> RegisteredTerminal?
    /// The terminal with this id, or nil.
    func terminal(id: String) async throws -> RegisteredTerminal?

    /// Keeps a new enrolment code (its hash) and withdraws the terminal's earlier unused ones. A
    /// first code refuses an id taken (``CentreError/terminalExists``); a rotation's code
    /// (`rotating`) needs the terminal (``CentreError/unknownTerminal``).
    func issueEnrolmentCode(_ code: StoredEnrolmentCode, rotating: Bool, audit: CentreLedgerEvent) async throws
    /// Enrols with the code whose hash this is, once and before it expires
    /// (``CentreError/enrolmentCodeRefused`` otherwise, the same for every refusal): in one
    /// transaction the code is used and the terminal `credentials` makes for it is written (its
    /// certificate and token replace any earlier pair). Answers what `credentials` issued with it.
    func enrol<Issued: Sendable>(
        codeHash: String, at now: Date,
        credentials: @Sendable (StoredEnrolmentCode) throws -> (terminal: RegisteredTerminal, issued: Issued)
    ) async throws -> Issued
    /// Ends the terminal's certificate and token at once and withdraws its open codes
    /// (``CentreError/unknownTerminal`` for an id the centre does not have).
    func revokeTerminal(_ id: String, at now: Date, audit: CentreLedgerEvent) async throws

    /// Applies each command exactly once, in order, each with the record of its key: a key seen
    /// before answers ``SyncCommandResult/Outcome/duplicate`` (or its refusal again) and changes
    /// nothing. The whole push is one transaction (one commit to wait for, not one per command):
    /// its results all stand or, on an error, none do and the terminal sends it again.
    func apply(_ commands: [SyncCommand], from terminal: RegisteredTerminal, at now: Date) async throws
        -> [SyncCommandResult]

    /// Anchors the head of `terminal`'s ledger that a push carried, with the terminal's entry at
    /// the anchor's sequence beside it: it becomes the anchor when it extends the last one (a
    /// higher sequence; the same head again changes nothing), and is refused and recorded when it
    /// goes back on it (a lower sequence, or another value at the anchor's sequence;
    /// ``LedgerAnchorRules``). One terminal's heads are judged one at a time.
    func anchorLedger(_ head: LedgerHead, atAnchor: LedgerHead?, of terminal: RegisteredTerminal, at now: Date)
        async throws -> LedgerAnchorResult
    /// What the centre holds of `terminal`'s ledger: the last head anchored, and the refusals.
    func ledgerAnchor(of terminal: RegisteredTerminal) async throws -> LedgerAnchor

    /// Up to `limit` rows changed after `cursor` in the jurisdiction, in change order.
    func changes(after cursor: SyncCursor, in jurisdiction: Jurisdiction, limit: Int, at now: Date) async throws
        -> SyncChanges
    /// The cursor a snapshot taken now starts from: read before any of the snapshot's rows, so
    /// that a change made while the snapshot streams comes again in the next pull (pages are upserts).
    func currentCursor() async throws -> SyncCursor
    /// Up to `people` people of the jurisdiction after `position` (by region, then ID number) with all
    /// their records; the first page (`position` nil) carries the area's job postings, the accounts of
    /// the staff who work at its terminals and the published working calendar too, and is always made,
    /// even for an empty area. Nil after the last person.
    func snapshotPage(of jurisdiction: Jurisdiction, after position: SnapshotPosition?, people: Int) async throws
        -> ReferenceDataPage?

    /// Records that `terminal` starts a snapshot of `jurisdiction` (the audit of who pulled what),
    /// with the cursor its pages will carry: the current one, or the `resuming` one of a snapshot the
    /// terminal goes on with. Refuses with ``CentreError/tooManySnapshots(retryAfter:)``, recording
    /// nothing, when the terminal started `limit.starts` already within `limit.window`, or, for a
    /// resume, resumed `limit.resumes` times: resumes and fresh starts are counted apart.
    func startSnapshot(
        by terminal: RegisteredTerminal, of jurisdiction: Jurisdiction, resuming: SyncCursor?, limit: SnapshotLimit,
        at now: Date
    )
        async throws -> SnapshotPull
    /// Records how the pull `id` ended: the rows sent, and when it finished (nil: it broke off).
    func endSnapshot(_ id: String, rowCount: Int, finishedAt: Date?) async throws
    /// The snapshots started at or after `since`, oldest first: which terminal took which area.
    func snapshotPulls(since: Date) async throws -> [SnapshotPull]

    /// The bulk path for facts arriving from the centre's own systems (and the synthetic county):
    /// all of a page in one transaction, every row with the next change sequence number. Rows must
    /// be new: loading a person twice is an error, not an update.
    func load(_ page: ReferenceDataPage) async throws

    /// Takes a person (with every row kept of them, cards included), an enrolment, a card or a job
    /// posting out of the centre's records; the terminals that hold it forget it on their next pull.
    /// ``CentreError/unknownRecord`` when the centre has no such record.
    func remove(_ record: ReferenceRemoval.Record, at now: Date, audit: CentreLedgerEvent) async throws
    /// Moves a person with every row kept of them to `region` (a full region code): the terminals
    /// serving the new region pull them, those serving only the old one forget them. Nothing
    /// changes when they live there already; ``CentreError/unknownRecord`` for a person the centre
    /// does not have.
    func movePerson(_ idNumber: String, to region: String, at now: Date, audit: CentreLedgerEvent) async throws

    /// Publishes a service's route across levels in place of what was published for it, with its
    /// ledger entry; terminals pull it. Cases already on their way keep the route they were made on.
    func publish(_ route: ServiceRoute, audit: CentreLedgerEvent) async throws
    /// Publishes the year's qualification checks, due by `dueBy`: one for everyone paid a pension
    /// since January of the year before who has none of the year yet, so that publishing again adds
    /// the newly retired and leaves what was recorded alone. Returns how many it added.
    func publishRetireeChecks(year: Int, dueBy: Date, audit: CentreLedgerEvent) async throws -> Int
    /// A month's ratings inside `area` by group, as sums whose measure is the level.
    func satisfactionSums(month: YearMonth, in area: Jurisdiction, by group: ServiceFigures.Grouping) async throws
        -> [FigureSum]
    /// Publishes a service's guide in place of what was published for it, for every terminal.
    func publish(_ guide: ServiceGuide, audit: CentreLedgerEvent) async throws
    /// The guides the county published, by service.
    func serviceGuides() async throws -> [ServiceGuide]
    /// Publishes the residents' pension's grade table in place of the one published, for every terminal.
    func publish(_ grades: PensionGradeTable, audit: CentreLedgerEvent) async throws
    /// The grade table the county published; nil before it has.
    func pensionGrades() async throws -> PensionGradeTable?
    /// Publishes a policy notice in place of one of the same id, for every terminal.
    func publish(_ notice: PolicyNotice, audit: CentreLedgerEvent) async throws
    /// Every notice the county published, by id.
    func notices() async throws -> [PolicyNotice]
    /// The routes in force at the centre: those published, the national route for the rest.
    func serviceRoutes() async throws -> ServiceRoutes
    /// Publishes a year's holidays and adjusted working days in place of what was published for it
    /// before; every terminal pulls it. The caller checks it first (``WorkingCalendar/problems``).
    func publish(_ year: WorkingCalendar.PublishedYear, audit: CentreLedgerEvent) async throws
    /// The working calendar time limits count on at the centre: this version's years, with those
    /// published in their place.
    func workingCalendar() async throws -> WorkingCalendar

    /// Sends every card applied for in `area` to production in one new batch (each card →
    /// in production, with a change number, so terminals learn it on their next pull); nil when
    /// no card waits.
    func startBatch(in area: Jurisdiction, at now: Date, audit: CentreLedgerEvent) async throws -> CardBatch?
    /// Records a batch back from the bureau: its cards still in production become ready at the
    /// desk (a card reported lost meanwhile stays lost). Throws ``CentreError/unknownBatch``.
    func deliverBatch(_ id: String, at now: Date, audit: CentreLedgerEvent) async throws -> CardBatch
    /// The batch under `id`, or nil.
    func batch(id: String) async throws -> CardBatch?
    /// The photo a desk kept for the card, for its production, or nil.
    func cardPhoto(cardNumber: String) async throws -> Data?
    /// The area's cards waiting for a batch, and its batches at the bureau or started since
    /// `since`, with their cards.
    func cardProduction(in area: Jurisdiction, since: Date) async throws -> CardProductionOverview

    /// The register entry (from `certificate.issue`) a printed QR code's serial names, to check its
    /// payload hash against.
    func certificate(serial: String) async throws -> SignedCertificate?
    /// The application under `id`, wherever it was made: a receipt's code asks after it.
    func application(id: String) async throws -> Application?
    /// Makes the figures' counts of every region whose rows changed since (``FigureCount``), a
    /// few regions per transaction; answers how many regions it counted again.
    @discardableResult
    func refreshFigures() async throws -> Int
    /// The figures' counts of `family` in `month` (`YYYY-MM`, empty for coverage) inside `area`,
    /// summed by `group`, each with how many fell due before `dueBefore`. Counts the regions
    /// changed since the last refresh first, so that what the console reads is never behind.
    func figureSums(
        _ family: FigureCount.Family, month: String, in area: Jurisdiction, by group: ServiceFigures.Grouping,
        dueBefore: Date
    ) async throws -> [FigureSum]
    /// The people inside `area` without `scheme`'s cover, by village, at most `limit`: whom the
    /// township has still to reach.
    func uncovered(in area: Jurisdiction, _ scheme: CoverageScheme, limit: Int) async throws -> [Person]

    /// The open cases inside `area` late at `now` (the whole limit or the current level's own has
    /// passed), the longest late first, at most `limit`: escalated to the county.
    /// The area's retirees whose pension the county should decide on suspending (overdue checks,
    /// reported deaths and moves), soonest due first.
    func suspensionCandidates(in area: Jurisdiction, at now: Date, limit: Int) async throws
        -> [ConsoleSuspensionCandidate]
    func lateApplications(in area: Jurisdiction, at now: Date, limit: Int) async throws -> [Application]

    /// The terminals whose jurisdiction lies inside `area` (revoked ones too), by id.
    func terminals(in area: Jurisdiction) async throws -> [RegisteredTerminal]

    /// Records a new account; ``CentreError/staffExists`` for an id already taken. Like every change
    /// of an account, it takes a change number: the terminals of the county learn it on their next pull.
    func addStaff(_ account: CentreStaffAccount, audit: CentreLedgerEvent) async throws
    /// The console account `id`, or nil.
    func staffAccount(id: String) async throws -> CentreStaffAccount?
    /// Writes back an account read with ``staffAccount(id:)``: a new password, a failure, a lock.
    func saveStaff(_ account: CentreStaffAccount, audit: CentreLedgerEvent) async throws
    /// The console accounts whose area lies inside `area`, by id.
    func staff(in area: Jurisdiction) async throws -> [CentreStaffAccount]

    /// Keeps a terminal's heartbeat in place of its last one.
    func recordHeartbeat(_ heartbeat: StoredHeartbeat) async throws
    /// The last heartbeats of the terminals inside `area` (none for a terminal that never sent one).
    func heartbeats(in area: Jurisdiction) async throws -> [StoredHeartbeat]

    /// Chains `event` onto the centre's ledger on its own: for what changes nothing (a read of the
    /// figures, an export), since every change takes its entry in its own transaction (`audit:`).
    func record(_ event: CentreLedgerEvent, at now: Date) async throws
    /// The centre's ledger checked from its first entry against the store's key (``LedgerVerifier``).
    func verifyLedger() async throws -> LedgerVerifier.Finding
    /// The ledger's entries from `sequence` on, at most `limit`, in order.
    func ledger(from sequence: Int64, limit: Int) async throws -> [LedgerEntry]

    /// Throws when the database cannot answer (for `GET /health`).
    func checkHealth() async throws
}

extension CentreStore {
    /// A month's service figures inside `area`, grouped by `grouping`, as of `now`.
    public func serviceFigures(
        in area: Jurisdiction, month: YearMonth, by grouping: ServiceFigures.Grouping, at now: Date
    )
        async throws -> ServiceFigures
    {
        let sums = try await figureSums(.service, month: month.description, in: area, by: grouping, dueBefore: now)
        return ServiceFigures(month: month, grouping: grouping, sums: sums, at: now)
    }

    /// A month's ratings of the services given inside `area`, grouped by `grouping`.
    public func satisfaction(in area: Jurisdiction, month: YearMonth, by grouping: ServiceFigures.Grouping)
        async throws -> SatisfactionFigures
    {
        SatisfactionFigures(
            month: month, grouping: grouping, sums: try await satisfactionSums(month: month, in: area, by: grouping))
    }

    /// Cards and documents produced inside `area` in `month`, by township.
    public func output(in area: Jurisdiction, month: YearMonth, at now: Date) async throws -> OutputFigures {
        let sums = try await figureSums(.output, month: month.description, in: area, by: .township, dueBefore: now)
        return OutputFigures(month: month, sums: sums, at: now)
    }

    /// Insurance coverage in `area`, village by village.
    public func coverage(in area: Jurisdiction, at now: Date) async throws -> CoverageFigures {
        CoverageFigures(try await figureSums(.coverage, month: "", in: area, by: .village, dueBefore: now), at: now)
    }

    /// A fresh start of a snapshot, counted against `limit`.
    public func startSnapshot(
        by terminal: RegisteredTerminal, of jurisdiction: Jurisdiction, limit: SnapshotLimit, at now: Date
    ) async throws -> SnapshotPull {
        try await startSnapshot(by: terminal, of: jurisdiction, resuming: nil, limit: limit, at: now)
    }

    /// A new terminal's first load: the whole jurisdiction, page by page, or what follows `position`
    /// when it resumes, each page stamped with `cursor` (or the cursor read before the first one) and
    /// with where a resume after it would go on. The next page is read while `body` sends the last, and
    /// no further: a slow link holds back the reading rather than filling memory.
    public func snapshot(
        of jurisdiction: Jurisdiction, from cursor: SyncCursor? = nil, after position: SnapshotPosition? = nil,
        peoplePerPage: Int = 500, at now: Date, _ body: (ReferenceDataPage) async throws -> Void
    ) async throws {
        let cursor = if let cursor { cursor } else { try await currentCursor() }
        var next = Task { try await snapshotPage(of: jurisdiction, after: position, people: peoplePerPage) }
        while var page = try await next.value {
            page.cursor = cursor.description
            page.asOf = now
            let last = page.people.last.map(SnapshotPosition.init(after:))
            page.resumeAfter = last?.token
            let more = page.people.count == peoplePerPage
            if more, let last {
                next = Task { try await snapshotPage(of: jurisdiction, after: last, people: peoplePerPage) }
            }
            do {
                try await body(page)
            } catch {
                next.cancel()
                throw error
            }
            if !more { break }
        }
    }
}

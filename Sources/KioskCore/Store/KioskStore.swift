import Foundation
import Vocabulary

/// What the terminal's services need from the local store. The SQLite implementation lives in
/// the `KioskStore` module; the services see only this protocol.
///
/// Every write that matters is one call, and the implementation makes it one transaction: the
/// domain row, an outbox entry with an idempotency key, and a ledger entry commit together or
/// not at all. A write acknowledged to the caller has been committed durably.
public protocol KioskStore: Sendable {
    // MARK: The terminal

    /// The terminal's identity and jurisdiction, set once when the terminal is installed.
    func terminal() async throws -> TerminalIdentity?
    func setTerminal(_ terminal: TerminalIdentity) async throws

    // MARK: Reference data from the centre (the cache)

    func person(_ idNumber: String) async throws -> Person?
    /// A person's overview (open applications only) read from one snapshot; nil if the cache does
    /// not hold them.
    func summary(of idNumber: String) async throws -> PersonSummary?
    func enrolments(of idNumber: String) async throws -> [Enrolment]
    /// Contributions of one person, newest month first, optionally for one insurance and a range.
    func contributions(of idNumber: String, insurance: InsuranceType?, from: YearMonth?, to: YearMonth?) async throws
        -> [Contribution]
    /// The person and their contributions (as ``contributions(of:insurance:from:to:)``) from one
    /// snapshot; nil if the cache does not hold them.
    func personWithContributions(_ idNumber: String, insurance: InsuranceType?, from: YearMonth?, to: YearMonth?)
        async throws -> (person: Person, contributions: [Contribution])?
    func pensionPayments(of idNumber: String) async throws -> [PensionPayment]
    /// The postings of the region shown on `day`, newest first.
    func jobPostings(inRegion prefix: String, shownOn day: String, limit: Int) async throws -> [JobPosting]
    func jobPosting(_ id: String) async throws -> JobPosting?
    /// Keeps a posting a member of staff entered under an id of this terminal's, and queues it for
    /// the centre, with its ledger entry.
    func post(jobPosting draft: JobPosting, by principal: Principal, at now: Date) async throws -> JobPosting
    /// Keeps a posting changed here (taken down), and queues it for the centre, with its ledger entry.
    func republish(jobPosting posting: JobPosting, by principal: Principal, at now: Date) async throws
    /// The services' guides the county published, in the order of the services.
    func serviceGuides() async throws -> [ServiceGuide]
    /// Every policy notice the county published, shown or not.
    func notices() async throws -> [PolicyNotice]
    /// When the cache last heard from the centre: each answer says "as of" this.
    func cacheAsOf() async throws -> Date?
    /// Where the next pull of reference data starts, kept with the data so that a puller restarted
    /// after a crash resumes exactly after the last applied page. Nil until a first load finished:
    /// a cache holding part of a snapshot is not loaded, and the next pull loads it again.
    func referenceDataCursor() async throws -> String?
    /// Applies a page of changes from the centre in one transaction and moves the cursor.
    func applyReferenceData(_ page: ReferenceDataPage) async throws
    /// Applies a page of a first load in one transaction through the bulk path, leaving the
    /// cache marked not loaded until ``finishSnapshot(cursor:asOf:)``.
    func applySnapshotPage(_ page: ReferenceDataPage) async throws
    /// Marks the cache loaded at the snapshot's cursor, once its stream ended cleanly.
    func finishSnapshot(cursor: String, asOf: Date) async throws
    /// Where a first load that broke off goes on: after the last snapshot page stored. Nil when the
    /// cache is loaded, no page is stored, or the centre gave no token (an older centre).
    func snapshotResumePoint() async throws -> SnapshotResumePoint?
    /// Forgets the resume point of a first load the centre will not go on with, so that the next
    /// starts afresh; the pages stored stay, as a fresh load overwrites them.
    func discardSnapshotResumePoint() async throws

    // MARK: Writes that matter (domain row + outbox + ledger, one transaction)

    /// Records a new application; returns it with its id and initial status (a possible duplicate
    /// goes to review).
    func submit(_ draft: ApplicationDraft, by principal: Principal, at now: Date) async throws -> Application
    /// Moves an application; refuses illegal moves and the clerk approving their own.
    func move(application id: String, to status: ApplicationStatus, by principal: Principal, at now: Date) async throws
        -> Application
    /// Changes an application by `action` to what `change` decides on the row read inside the same
    /// transaction (so two clerks taking one case cannot both win), given the working calendar time
    /// limits count on: the action goes to the outbox for the centre to replay, and to the ledger as
    /// a move, a take, a hand-over or a report up.
    func update(
        application id: String, _ action: CaseAction, by principal: Principal, at now: Date,
        _ change: @Sendable (Application, WorkingCalendar) throws -> Application
    ) async throws -> Application
    /// The working days time limits count: this version's arrangements, with the years the centre
    /// published in their place.
    func workingCalendar() async throws -> WorkingCalendar
    func application(_ id: String) async throws -> Application?
    func applications(_ filter: ApplicationFilter) async throws -> [Application]

    func requestCard(cardNumber: String, for idNumber: String, by principal: Principal, at now: Date) async throws
        -> CardRecord
    func move(card cardNumber: String, to status: CardStatus, by principal: Principal, at now: Date) async throws
        -> CardRecord
    /// Records the chip personalised for the card at the desk: moves it to ready-at-desk and keeps
    /// its card identifier, only once the card was written and read back.
    func personalised(card cardNumber: String, chip: String, by principal: Principal, at now: Date) async throws
        -> CardRecord
    /// Marks a lost card replaced and applies for its successor for the same holder, together.
    func replace(card cardNumber: String, with newCardNumber: String, by principal: Principal, at now: Date)
        async throws -> CardRecord
    /// Keeps the photo checked for a card (a JPEG), in place of any before, with a ledger entry.
    func keep(photo jpeg: [UInt8], forCard cardNumber: String, by principal: Principal, at now: Date) async throws
    /// The photo kept for a card, or nil.
    func photo(ofCard cardNumber: String) async throws -> [UInt8]?
    func cardRecord(_ cardNumber: String) async throws -> CardRecord?
    func cardRecords(of idNumber: String) async throws -> [CardRecord]
    func cardRecords(in status: CardStatus, region prefix: String) async throws -> [CardRecord]

    /// A ledger entry alone, for reads of personal data by staff and other events with no row.
    func log(_ action: String, subject: LedgerSubject, by principal: Principal, detail: String, at now: Date)
        async throws

    // MARK: Retirees' checks

    /// The person's latest check (of the newest year the centre published for them); nil when they
    /// are on no list, that is, draw no pension this terminal knows of.
    func retireeCheck(of idNumber: String) async throws -> RetireeCheck?
    /// The latest check of every retiree in the region, soonest due first.
    func retireeChecks(region prefix: String) async throws -> [RetireeCheckLine]
    /// Records `entry` on the person's latest check as ``RetireeCheck/record(_:at:)`` allows at
    /// `level`, the row read and written in one transaction with its outbox and ledger entries.
    func record(
        _ entry: RetireeCheckEntry, onCheckOf idNumber: String, at level: ServiceLevel, by principal: Principal,
        at now: Date
    ) async throws -> RetireeCheck

    // MARK: The residents' pension

    /// The grade table the county published, or the national floor until it has.
    func pensionGrades() async throws -> PensionGradeTable

    // MARK: Appointments

    /// The appointments of the region's halls from `first` through `last` (days), by day and slot.
    func appointments(region prefix: String, from first: String, through last: String) async throws
        -> [AppointmentLine]
    /// A person's appointments, newest day first.
    func appointments(of idNumber: String) async throws -> [Appointment]
    func appointment(_ id: String) async throws -> Appointment?
    /// Books `draft` under an id of this terminal's, refused `slot-full` when the hall slot has
    /// ``Appointment/perSlot`` open bookings already, and queues it for the centre, in one transaction
    /// with its ledger entry.
    func book(_ draft: Appointment, by principal: Principal, at now: Date) async throws -> Appointment
    /// Records `entry` on the appointment `id` as ``Appointment/record(_:)`` allows, in one
    /// transaction with its outbox and ledger entries.
    func record(_ entry: AppointmentEntry, onAppointment id: String, by principal: Principal, at now: Date)
        async throws -> Appointment

    // MARK: Labour disputes and petitions

    /// The cases of the region, newest first.
    func disputes(region prefix: String) async throws -> [LabourDispute]
    func dispute(_ id: String) async throws -> LabourDispute?
    /// Takes `draft` under an id of this terminal's and queues it for the centre, in one
    /// transaction with its ledger entry.
    func takeDispute(_ draft: LabourDispute, by principal: Principal, at now: Date) async throws -> LabourDispute
    /// Records `entry` on the case `id` as ``LabourDispute/record(_:)`` allows, in one transaction
    /// with its outbox and ledger entries.
    func record(_ entry: DisputeEntry, onDispute id: String, by principal: Principal, at now: Date) async throws
        -> LabourDispute

    // MARK: Training courses

    /// The courses of the region shown on `day` (not yet ended), soonest first, each with the seats
    /// taken by the sign-ups this terminal knows.
    func trainingCourses(inRegion prefix: String, shownOn day: String) async throws -> [TrainingCourseLine]
    func trainingCourse(_ id: String) async throws -> TrainingCourseLine?
    /// Keeps a course a member of staff entered under an id of this terminal's, and queues it for
    /// the centre, with its ledger entry.
    func post(trainingCourse draft: TrainingCourse, by principal: Principal, at now: Date) async throws
        -> TrainingCourse
    /// Keeps a course changed here (its sign-up closed), and queues it for the centre.
    func republish(trainingCourse course: TrainingCourse, by principal: Principal, at now: Date) async throws

    // MARK: Employment register

    /// A registration by its id; nil when this terminal has none.
    func jobSeeker(_ id: String) async throws -> JobSeeker?
    /// Every registration of the person, oldest first: their history on the register.
    func jobSeekers(of idNumber: String) async throws -> [JobSeeker]
    /// Every registration of the people of the region, open ones first, newest first.
    func jobSeekers(region prefix: String) async throws -> [JobSeekerLine]
    /// Registers the person with an id of this terminal's, refused while they have an open
    /// registration, and queues it for the centre, in one transaction with its ledger entry.
    func register(
        jobSeeker idNumber: String, _ registration: JobSeekerRegistration, by principal: Principal, at now: Date
    ) async throws -> JobSeeker
    /// Records `entry` on the registration `id` as ``JobSeeker/record(_:)`` allows, the row read and
    /// written in one transaction with its outbox and ledger entries.
    func record(_ entry: JobSeekerEntry, onJobSeeker id: String, by principal: Principal, at now: Date)
        async throws -> JobSeeker

    // MARK: Satisfaction

    /// Keeps a rating with an id of this terminal's, and queues it for the centre. The ledger notes
    /// that `principal` rated, never how: the rating's row names no one who gave it.
    func record(
        rating level: SatisfactionLevel, reason: String?, channel: SatisfactionRating.Channel,
        service: ApplicationKind?, servedBy: String?, by principal: Principal, at now: Date
    ) async throws -> SatisfactionRating

    // MARK: Ledger

    func ledger(from sequence: Int64, limit: Int) async throws -> [LedgerEntry]
    /// The entries about `subject`, oldest first: an application's history.
    func ledger(about subject: LedgerSubject) async throws -> [LedgerEntry]
    /// The chain checked under the store's ledger key, against the head recorded beside it.
    func verifyLedger() async throws -> LedgerVerifier.Finding
    /// The head recorded beside the ledger (nil while it is empty), which the sender anchors at the centre.
    func ledgerHead() async throws -> LedgerHead?

    // MARK: Outbox (for the sync sender)

    func pendingOutbox(limit: Int) async throws -> [OutboxEntry]
    /// Deletes the entries the centre acknowledged, and only those.
    func acknowledge(_ keys: [String]) async throws
    /// Records a failed attempt; a refused command goes to review and stops blocking the queue.
    func failed(_ key: String, refused: Bool, reason: String, at now: Date) async throws
    /// The commands the centre refused, oldest first, for a supervisor to look at.
    func outboxNeedingReview(limit: Int) async throws -> [OutboxEntry]
    /// Removes a command the centre refused (and only such a one) with a ledger entry naming the
    /// supervisor and the reason, so that it stops waiting for review.
    func closeRefused(_ key: String, reason: ClosingReason, by principal: Principal, at now: Date) async throws
    /// How many writes wait, since when, and how many wait for review.
    func outboxSummary() async throws -> OutboxSummary
    /// Yields after each commit of this store that changed the outbox, until the consumer stops:
    /// the sender's nudge to drain a new write at once. Another process's writes are not seen;
    /// the sender's timer finds them.
    func outboxWrites() -> AsyncStream<Void>

    // MARK: Staff

    /// Adds an account, with a ledger entry naming who added it; an id in use is refused
    /// (``KioskError/staffIDTaken``), so adding never resets someone's password.
    func addStaff(_ account: StaffAccount, by principal: Principal, at now: Date) async throws
    func staff(_ id: String) async throws -> StaffAccount?
    /// Every account, by id.
    func staffAccounts() async throws -> [StaffAccount]
    /// Replaces the password of `id`: by its holder (`mustChangePassword` false) or by an
    /// administrator's reset (true). Lifts a lock, and leaves a ledger entry.
    func setPassword(
        of id: String, to password: PasswordHash, mustChangePassword: Bool, by principal: Principal, at now: Date)
        async throws
    /// Disables or enables `id`, with a ledger entry; enabling also lifts a lock.
    func setStaffDisabled(_ id: String, _ disabled: Bool, by principal: Principal, at now: Date) async throws
    /// The wrong passwords in a row for the member `id`, kept so that a restart lifts no lock.
    func signInFailures(_ id: String) async throws -> SignInFailures
    /// Keeps `failures` for `member` with a ledger entry for the failed sign-in, and one for the
    /// lock when `locked`.
    func recordSignInFailure(_ member: StaffMember, _ failures: SignInFailures, locked: Bool, at now: Date)
        async throws
    /// Forgets the member's failures after a good sign-in.
    func clearSignInFailures(_ id: String) async throws

    // MARK: Print jobs

    /// Keeps a print job's latest state under its key, so that it still answers after a restart.
    func savePrintJob(_ job: PrintJobRecord) async throws
    func printJob(_ key: String) async throws -> PrintJobRecord?
    /// Forgets the finished jobs last changed before `cutoff`.
    func forgetPrintJobs(finishedBefore cutoff: Date) async throws

    /// Queues a signed document's register entry for the centre (`certificate.issue`), with its
    /// ledger entry, so that its QR code can be checked at the centre once the entry has drained.
    func register(_ certificate: SignedCertificate, by principal: Principal) async throws

    // MARK: Statistics

    func statistics(day: Date, region prefix: String) async throws -> DayStatistics
}

import Foundation
import SocialSecurityCard
import Vocabulary

/// The terminal's services: each checks who may do it and where, validates what was typed, and
/// goes to the store. No I/O of its own beyond the store protocol, so the rules are tested alone.
public struct KioskServices: Sendable {
    public let store: any KioskStore
    let now: @Sendable () -> Date

    public init(store: any KioskStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.now = now
    }

    // MARK: Queries

    /// A person's overview. Staff reads of personal data go to the ledger.
    ///
    /// Read from one snapshot before the checks, so that a query costs one read transaction; nothing
    /// leaves here unless the checks pass and the ledger entry is committed.
    public func summary(of idNumber: String, for principal: Principal) async throws -> PersonSummary {
        try AccessPolicy.authorize(principal, .readPerson, idNumber: idNumber)
        guard let summary = try await store.summary(of: idNumber) else { throw Self.personNotFound }
        try AccessPolicy.authorize(principal, .readPerson, regionCode: summary.person.regionCode, idNumber: idNumber)
        try await logStaffRead(principal, idNumber, detail: "summary")
        return summary
    }

    public func contributions(
        of idNumber: String,
        insurance: InsuranceType?,
        from: YearMonth?,
        to: YearMonth?,
        for principal: Principal
    ) async throws -> [Contribution] {
        try AccessPolicy.authorize(principal, .readPerson, idNumber: idNumber)
        guard
            let (person, contributions) = try await store.personWithContributions(
                idNumber, insurance: insurance, from: from, to: to)
        else { throw Self.personNotFound }
        try AccessPolicy.authorize(principal, .readPerson, regionCode: person.regionCode, idNumber: idNumber)
        try await logStaffRead(principal, idNumber, detail: "contributions")
        return contributions
    }

    public func pensionPayments(of idNumber: String, for principal: Principal) async throws -> [PensionPayment] {
        _ = try await authorizedPerson(idNumber, for: principal, .readPerson)
        try await logStaffRead(principal, idNumber, detail: "pension-payments")
        return try await store.pensionPayments(of: idNumber)
    }

    /// The services' guides are public: anyone at the terminal reads them, with no card.
    public func serviceGuides() async throws -> [ServiceGuide] { try await store.serviceGuides() }

    /// The notices shown today, newest first: public, as the guides are.
    public func notices() async throws -> [PolicyNotice] {
        let today = WorkingCalendar.key(of: now())
        return try await store.notices().filter { $0.isShown(on: today) }.sorted { ($0.from, $0.id) > ($1.from, $1.id) }
    }

    // MARK: Applications

    /// Takes an application after checking the form; a resident at a kiosk may file the
    /// self-service kinds only.
    public func submit(_ draft: ApplicationDraft, by principal: Principal) async throws -> Application {
        _ = try await authorizedPerson(draft.idNumber, for: principal, .submitApplication)
        guard draft.kind.isFiled else { throw KioskError.retireeCheckIsNoApplication }
        if case .resident = principal, !draft.kind.selfService {
            throw KioskError(
                code: "needs-clerk",
                chinese: "“\(draft.kind.chineseName)”需要到柜台由工作人员办理。",
                english: "This service needs a clerk at the desk.",
                httpStatus: 403
            )
        }
        try await checkTrainingSignUp(draft)
        try await checkResidentPension(draft)
        var checked = draft
        if let phone = draft.details["phone"] { checked.details["phone"] = try InputValidation.phone(phone) }
        return try await store.submit(checked, by: principal, at: now())
    }

    /// Moves an application along by the case rules (``CaseRules``); the role is judged before the
    /// application is looked up, so that a refusal never tells whether the id is in the cache.
    public func move(
        application id: String, to status: ApplicationStatus, rejection: Rejection? = nil, by principal: Principal
    ) async throws -> Application {
        try await handle(application: id, CaseAction(moving: status), rejection: rejection, by: principal)
    }

    /// Sends a case to the next level of its route (上报); its owner does it, once their step is done.
    public func reportUp(application id: String, by principal: Principal) async throws -> Application {
        try await handle(application: id, .reportUp, by: principal)
    }

    /// Takes a case (首问负责), or hands it over to `colleague`: an active clerk or supervisor
    /// whose jurisdiction holds the case.
    public func changeOwner(of id: String, to colleague: String?, by principal: Principal) async throws
        -> Application
    {
        guard let colleague else { return try await handle(application: id, .take, by: principal) }
        try AccessPolicy.authorize(principal, .handleApplication)
        let account = try await store.staff(colleague)
        return try await handle(application: id, .handOver, handOverTo: colleague, by: principal) { application in
            guard account?.takesWork(in: application.regionCode) == true else { throw KioskError.handOverTarget }
        }
    }

    private func handle(
        application id: String, _ action: CaseAction, rejection: Rejection? = nil, handOverTo: String? = nil,
        by principal: Principal, also check: @escaping @Sendable (Application) throws -> Void = { _ in }
    ) async throws -> Application {
        try AccessPolicy.authorize(principal, action.permission)
        let now = now()
        return try await store.update(application: id, action, by: principal, at: now) { application, calendar in
            let next = try CaseRules.apply(
                action, to: application, by: principal, at: now, rejection: rejection, handOverTo: handOverTo,
                calendar: calendar)
            try check(application)
            return next
        }
    }

    /// The desk's worklist: the staff member's jurisdiction only (a narrower region inside it if
    /// asked), overdue first. The read is on the ledger, as a read of one person is.
    /// A person's own applications, newest first, as the kiosk shows them to the resident: open ones
    /// with their step and time limit, closed ones with how they ended.
    public func progress(of idNumber: String, for principal: Principal) async throws -> [ApplicationProgress] {
        _ = try await authorizedPerson(idNumber, for: principal, .readPerson)
        try await logStaffRead(principal, idNumber, detail: "applications")
        let now = now()
        let calendar = try await store.workingCalendar()
        return try await store.applications(ApplicationFilter(idNumber: idNumber, limit: 50)).map {
            ApplicationProgress($0, at: now, calendar: calendar)
        }
    }

    public func worklist(_ filter: ApplicationFilter, for principal: Principal) async throws -> [Application] {
        let member = try listingMember(principal, "list-applications")
        var scoped = filter
        if let region = filter.regionPrefix, region.hasPrefix(member.jurisdiction.regionPrefix) {
            scoped.regionPrefix = region
        } else {
            scoped.regionPrefix = member.jurisdiction.regionPrefix
        }
        let list = try await store.applications(scoped)
        try await logListRead(principal, "applications", count: list.count)
        return list
    }

    /// A case opened at the desk: the application, its person (a ledgered read), its history and
    /// what the reader may do with it now.
    public func caseFile(_ id: String, for principal: Principal) async throws -> CaseFile {
        try AccessPolicy.authorize(principal, .readPerson)
        _ = try listingMember(principal, "read-case")
        guard let application = try await store.application(id) else {
            throw KioskError.notFound("application", chinese: "该申请")
        }
        let person = try await summary(of: application.idNumber, for: principal)
        let now = now()
        return CaseFile(
            application: application, person: person,
            history: try await store.ledger(about: .application(id: id)),
            offers: CaseRules.offers(for: application, to: principal, at: now), overdue: application.isOverdue(at: now),
            stepOverdue: application.isStepOverdue(at: now),
            dueSoon: application.isDueSoon(at: now, calendar: try await store.workingCalendar()))
    }

    // MARK: Cards

    /// A loss report: always accepted for the holder's own usable card, pushed first.
    public func reportLoss(cardNumber: String, by principal: Principal) async throws -> CardRecord {
        try await moveCard(cardNumber, to: .lost, by: principal)
    }

    /// Records a card request for a person (the desk's intake of a card application).
    public func requestCard(cardNumber: String, for idNumber: String, by principal: Principal) async throws
        -> CardRecord
    {
        _ = try await authorizedPerson(idNumber, for: principal, .requestCard)
        return try await store.requestCard(cardNumber: cardNumber, for: idNumber, by: principal, at: now())
    }

    /// Keeps the photo for a card still to be made or issued, already checked against the card
    /// photo standard by the caller; the clerk who may request the holder's card may give it.
    public func keepPhoto(_ jpeg: [UInt8], forCard cardNumber: String, by principal: Principal) async throws {
        let card = try await photoCard(cardNumber, for: principal)
        guard [.applied, .inProduction, .readyAtDesk].contains(card.status) else { throw KioskError.photoTooLate }
        try await store.keep(photo: jpeg, forCard: cardNumber, by: principal, at: now())
    }

    /// The photo kept for a card, to show the clerk before it is printed.
    public func photo(ofCard cardNumber: String, for principal: Principal) async throws -> [UInt8]? {
        _ = try await photoCard(cardNumber, for: principal)
        return try await store.photo(ofCard: cardNumber)
    }

    /// The card whose photo `principal` may give or see: one they may request for its holder. Asked
    /// before a photo is read, so that a caller who may not is refused before anything is checked.
    public func photoCard(_ cardNumber: String, for principal: Principal) async throws -> CardRecord {
        let card = try await authorizedCard(cardNumber, for: principal, .requestCard)
        _ = try await authorizedPerson(card.idNumber, for: principal, .requestCard)
        return card
    }

    /// Moves a card along its life; which role may depends on the step (lifting a loss report
    /// is its own action).
    public func moveCard(_ cardNumber: String, to status: CardStatus, by principal: Principal) async throws
        -> CardRecord
    {
        let action: Action =
            switch status {
            case .issued: .issueCard
            case .active: .activateCard
            case .lost: .reportLoss
            case .replaced: .replaceCard
            case .cancelled: .cancelCard
            case .applied, .inProduction, .readyAtDesk: .approveApplication
            }
        let card = try await authorizedCard(cardNumber, for: principal, action)
        // Making a lost card active lifts its loss, an action of its own (every role that may lift a
        // loss may activate a card, so the role was judged before the lookup all the same).
        let taken: Action = status == .active && card.status == .lost ? .liftLoss : action
        _ = try await authorizedPerson(card.idNumber, for: principal, taken)
        if case .staff(let member) = principal { try card.checkTwoPeople(moving: status, by: member.id) }
        return try await store.move(card: cardNumber, to: status, by: principal, at: now())
    }

    /// The cards of the staff member's jurisdiction in `status`: the desk's issuance queue.
    public func cards(in status: CardStatus, for principal: Principal) async throws -> [CardRecord] {
        let member = try listingMember(principal, "list-cards")
        let cards = try await store.cardRecords(in: status, region: member.jurisdiction.regionPrefix)
        try await logListRead(principal, "cards status=\(status.rawValue)", count: cards.count)
        return cards
    }

    /// A card with the steps of its life (who did each, when).
    public func card(_ cardNumber: String, for principal: Principal) async throws -> CardRecord {
        let card = try await authorizedCard(cardNumber, for: principal, .readPerson)
        _ = try await authorizedPerson(card.idNumber, for: principal, .readPerson)
        try await logStaffRead(principal, card.idNumber, detail: "card")
        return card
    }

    /// The full ID number of the card's holder, for a stated purpose (``IDNumberPurpose``, checked
    /// after the role and before the lookup), on the ledger with the purpose and the number masked.
    public func fullIDNumber(ofCard cardNumber: String, purpose: String?, for principal: Principal) async throws
        -> (idNumber: String, purpose: IDNumberPurpose)
    {
        try AccessPolicy.authorize(principal, .readFullIDNumber)
        let purpose = try IDNumberPurpose(checking: purpose)
        let card = try await authorizedCard(cardNumber, for: principal, .readFullIDNumber)
        _ = try await authorizedPerson(card.idNumber, for: principal, .readFullIDNumber)
        try await store.log(
            "person.read-full-id-number", subject: .person(idNumber: card.idNumber), by: principal,
            detail: "purpose=\(purpose.rawValue) card=\(cardNumber)", at: now())
        return (card.idNumber, purpose)
    }

    /// Checks that `principal` may personalise this card now, before the desk touches the chip:
    /// the card must have been approved for production and not yet written.
    public func cardToPersonalise(_ cardNumber: String, by principal: Principal) async throws
        -> (card: CardRecord, person: Person)
    {
        let card = try await authorizedCard(cardNumber, for: principal, .personaliseCard)
        let person = try await authorizedPerson(card.idNumber, for: principal, .personaliseCard)
        guard card.status == .inProduction else {
            throw KioskError.illegalTransition(
                from: card.status.rawValue, to: CardStatus.readyAtDesk.rawValue,
                chinese: "卡片当前为“\(card.status.chineseName)”，须经主管审批进入制卡后才能写卡。")
        }
        return (card, person)
    }

    /// Records the chip written for the card; it is then ready at the desk.
    public func personalised(_ cardNumber: String, chip: String, by principal: Principal) async throws -> CardRecord {
        let card = try await authorizedCard(cardNumber, for: principal, .personaliseCard)
        _ = try await authorizedPerson(card.idNumber, for: principal, .personaliseCard)
        return try await store.personalised(card: cardNumber, chip: chip, by: principal, at: now())
    }

    /// Checks that `principal` may unblock this card's application on its chip now, before the desk
    /// touches the chip: the card must be in use (issued or active; a loss report is lifted first,
    /// and a replaced or cancelled card stays dead) and personalised here, since the chip's keys
    /// are found from the card identifier on record. Returns that identifier (hex).
    public func cardToUnblock(_ cardNumber: String, by principal: Principal) async throws -> String {
        let card = try await authorizedCard(cardNumber, for: principal, .unblockCardApplication)
        _ = try await authorizedPerson(card.idNumber, for: principal, .unblockCardApplication)
        guard card.status.isUsable, let cardIdentifier = card.cardIdentifier else {
            throw KioskError.cardNotUnblockable(status: card.status)
        }
        return cardIdentifier
    }

    /// Records, on the ledger, that the chip of `cardNumber` had its application unblocked.
    public func applicationUnblocked(_ cardNumber: String, by principal: Principal) async throws -> CardRecord {
        let card = try await authorizedCard(cardNumber, for: principal, .unblockCardApplication)
        try await store.log(
            "card.unblock-application", subject: .card(number: cardNumber), by: principal,
            detail: "the chip's application unblocked", at: now())
        return card
    }

    /// A lost card replaced by a new one for the same holder.
    public func replaceCard(_ cardNumber: String, with newCardNumber: String, by principal: Principal) async throws
        -> CardRecord
    {
        let card = try await authorizedCard(cardNumber, for: principal, .replaceCard)
        _ = try await authorizedPerson(card.idNumber, for: principal, .replaceCard)
        return try await store.replace(card: cardNumber, with: newCardNumber, by: principal, at: now())
    }

    // MARK: Statistics and ledger

    /// The day's figures for the staff member's own jurisdiction, not the terminal's.
    public func statistics(day: Date, for principal: Principal) async throws -> DayStatistics {
        try AccessPolicy.authorize(principal, .readStatistics)
        return try await store.statistics(day: day, region: try jurisdiction(of: principal))
    }

    public func verifyLedger(for principal: Principal) async throws -> LedgerVerifier.Finding {
        try AccessPolicy.authorize(principal, .readLedger)
        return try await store.verifyLedger()
    }

    /// Ledger entries from `sequence` on. They hold no full ID number: people are masked.
    public func ledger(from sequence: Int64, limit: Int, for principal: Principal) async throws -> [LedgerEntry] {
        try AccessPolicy.authorize(principal, .readLedger)
        return try await store.ledger(from: max(1, sequence), limit: min(max(1, limit), 1000))
    }

    /// The end-of-day review of `day` for a supervisor.
    public func dayReview(day: Date, for principal: Principal) async throws -> DayReview {
        try AccessPolicy.authorize(principal, .reviewDay)
        let region = try jurisdiction(of: principal)
        let needsReview = try await store.applications(
            ApplicationFilter(statuses: [.needsReview], regionPrefix: region))
        // Escalation: what is late at the supervisor's level or below is theirs to chase.
        let now = now()
        let level = ServiceLevel(try Jurisdiction(region))
        let levels = Set(ServiceLevel.allCases.filter { $0 <= level })
        let late = try await store.applications(
            ApplicationFilter(regionPrefix: region, levels: levels, due: .late(at: now), overdueFirstAt: now))
        let dueSoon = try await store.applications(
            ApplicationFilter(
                regionPrefix: region, levels: levels,
                due: .soon(at: now, calendar: try await store.workingCalendar()), overdueFirstAt: now))
        let latePromises = try await store.jobSeekers(region: region).map(\.jobSeeker).filter {
            $0.promiseState(at: now) == .late
        }
        let lateDisputes = try await store.disputes(region: region).filter { $0.state(at: now) == .late }
        try await logListRead(
            principal, "review",
            count: needsReview.count + late.count + dueSoon.count + latePromises.count + lateDisputes.count)
        return DayReview(
            statistics: try await store.statistics(day: day, region: region),
            needsReview: needsReview, late: late, dueSoon: dueSoon, latePromises: latePromises,
            lateDisputes: lateDisputes,
            refusedByCentre: try await store.outboxNeedingReview(limit: 1000),
            ledger: try await store.verifyLedger()
        )
    }

    /// Closes a command the centre refused, for a reason from the list; on the ledger.
    public func closeRefused(_ key: String, reason: ClosingReason, by principal: Principal) async throws {
        try AccessPolicy.authorize(principal, .reviewDay)
        try await store.closeRefused(key, reason: reason, by: principal, at: now())
    }

    /// The supervisor's sign-off of the day's review, on the ledger.
    public func signOffDay(_ day: String, by principal: Principal) async throws {
        try AccessPolicy.authorize(principal, .reviewDay)
        try await store.log("day.review", subject: .terminal, by: principal, detail: "day=\(day)", at: now())
    }

    // MARK: Helpers

    /// The person `idNumber`, once `principal` may take `action` on them. What can be decided
    /// without the record (the role; a resident's own number) is decided first, so that a refusal
    /// never tells whether a number is in the cache.
    func authorizedPerson(_ idNumber: String, for principal: Principal, _ action: Action) async throws
        -> Person
    {
        try AccessPolicy.authorize(principal, action, idNumber: idNumber)
        guard let person = try await store.person(idNumber) else { throw Self.personNotFound }
        try AccessPolicy.authorize(principal, action, regionCode: person.regionCode, idNumber: idNumber)
        return person
    }

    /// The card `cardNumber`, once the role may take `action` on cards: decided before the lookup, so
    /// that a refusal never tells whether the number is in the cache. Residents reach cards only
    /// through their own session's card.
    private func authorizedCard(_ cardNumber: String, for principal: Principal, _ action: Action) async throws
        -> CardRecord
    {
        try AccessPolicy.authorize(principal, action)
        guard let card = try await store.cardRecord(cardNumber) else {
            throw KioskError.notFound("card", chinese: "该卡")
        }
        return card
    }

    /// The member of staff who may list people's records.
    func listingMember(_ principal: Principal, _ what: String) throws(KioskError) -> StaffMember {
        guard case .staff(let member) = principal, AccessPolicy.seesPersonalData(principal) else {
            throw .forbidden(what)
        }
        return member
    }

    /// The region a staff member's figures cover: their own jurisdiction.
    private func jurisdiction(of principal: Principal) throws(KioskError) -> String {
        guard case .staff(let member) = principal else { throw .forbidden(Action.readStatistics.rawValue) }
        return member.jurisdiction.regionPrefix
    }

    /// A read of a list of people, on the ledger as a read of one person is: what was listed and how many.
    func logListRead(_ principal: Principal, _ list: String, count: Int) async throws {
        try await store.log(
            "person.list", subject: .terminal, by: principal, detail: "list=\(list) count=\(count)", at: now())
    }

    private static var personNotFound: KioskError {
        KioskError.notFound("person", chinese: "此人的参保信息（本机缓存中没有，请联系中心）")
    }

    func logStaffRead(_ principal: Principal, _ idNumber: String, detail: String) async throws {
        guard case .staff = principal else { return }
        try await store.log(
            "person.read", subject: .person(idNumber: idNumber), by: principal, detail: detail, at: now())
    }
}

import Foundation

/// What a supervisor looks at when closing a day (主管日终复核): the day's figures, what waits
/// for them, and whether the ledger is intact. Applications are listed by id and kind only; the
/// supervisor opens a person through the ledgered reads.
public struct DayReview: Codable, Hashable, Sendable {
    public var statistics: DayStatistics
    /// Open applications sent to a supervisor (possible duplicates, cases a clerk sent up).
    public var needsReview: [Item]
    /// Open cases past their limit or their level's own (escalated to the supervisor), at the
    /// supervisor's level or below.
    public var late: [Item]
    /// Open cases due before the end of the next working day (the reminder).
    public var dueSoon: [Item]
    /// Registrations owed a job past the tenth working day (五个100%): the promise's worklist.
    public var latePromises: [Promise]
    /// Labour disputes and petitions open past the day to decide or to settle, with who answers for each.
    public var lateDisputes: [LateDispute]
    /// Commands the centre refused, waiting for a supervisor.
    public var refusedByCentre: Int
    /// The same commands, each to resolve.
    public var refusedCommands: [RefusedCommand]
    public var ledgerIntact: Bool
    public var ledgerFinding: String

    /// One application, without the person: where it is and by when.
    public struct Item: Codable, Hashable, Sendable {
        public var id: String
        public var kind: ApplicationKind
        public var submittedBy: String
        public var owner: String?
        public var level: ServiceLevel
        public var stepDue: Date
        public var deadline: Date

        init(_ application: Application) {
            id = application.id
            kind = application.kind
            submittedBy = application.submittedBy
            owner = application.owner
            level = application.level
            stepDue = application.stepDue
            deadline = application.deadline
        }
    }

    /// One registration of the employment register, without the person: since when and by when.
    public struct Promise: Codable, Hashable, Sendable {
        public var id: String
        public var category: JobSeekerRegistration.Category
        public var registeredBy: String
        public var registeredAt: Date
        public var promiseDue: Date?

        init(_ jobSeeker: JobSeeker) {
            id = jobSeeker.id
            category = jobSeeker.registration.category
            registeredBy = jobSeeker.registration.by
            registeredAt = jobSeeker.registration.at
            promiseDue = jobSeeker.registration.promiseDue
        }
    }

    /// One labour dispute or petition, without the worker: who answers for it and the day it passed.
    public struct LateDispute: Codable, Hashable, Sendable {
        public var id: String
        public var kind: LabourDispute.Kind
        public var owner: String
        public var receivedAt: Date
        public var due: Date

        init(_ dispute: LabourDispute) {
            id = dispute.id
            kind = dispute.kind
            owner = dispute.owner
            receivedAt = dispute.receivedAt
            due = dispute.settleBy ?? dispute.decideBy
        }
    }

    public init(
        statistics: DayStatistics, needsReview: [Application], late: [Application], dueSoon: [Application],
        latePromises: [JobSeeker], lateDisputes: [LabourDispute], refusedByCentre: [OutboxEntry],
        ledger: LedgerVerifier.Finding
    ) {
        self.statistics = statistics
        self.needsReview = needsReview.map(Item.init)
        self.late = late.map(Item.init)
        self.dueSoon = dueSoon.map(Item.init)
        self.latePromises = latePromises.map(Promise.init)
        self.lateDisputes = lateDisputes.map(LateDispute.init)
        self.refusedByCentre = refusedByCentre.count
        refusedCommands = refusedByCentre.map(RefusedCommand.init)
        ledgerIntact = if case .intact = ledger { true } else { false }
        ledgerFinding = ledger.description
    }
}

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

    public init(
        statistics: DayStatistics, needsReview: [Application], late: [Application], dueSoon: [Application],
        refusedByCentre: [OutboxEntry], ledger: LedgerVerifier.Finding
    ) {
        self.statistics = statistics
        self.needsReview = needsReview.map(Item.init)
        self.late = late.map(Item.init)
        self.dueSoon = dueSoon.map(Item.init)
        self.refusedByCentre = refusedByCentre.count
        refusedCommands = refusedByCentre.map(RefusedCommand.init)
        ledgerIntact = if case .intact = ledger { true } else { false }
        ledgerFinding = ledger.description
    }
}

/// What a supervisor looks at when closing a day (主管日终复核): the day's figures, what waits
/// for them, and whether the ledger is intact. Applications are listed by id and kind only; the
/// supervisor opens a person through the ledgered reads.
public struct DayReview: Codable, Hashable, Sendable {
    public var statistics: DayStatistics
    /// Open applications sent to a supervisor (possible duplicates, cases a clerk sent up).
    public var needsReview: [Item]
    /// Commands the centre refused, waiting for a supervisor.
    public var refusedByCentre: Int
    /// The same commands, each to resolve.
    public var refusedCommands: [RefusedCommand]
    public var ledgerIntact: Bool
    public var ledgerFinding: String

    /// One application awaiting review, without the person.
    public struct Item: Codable, Hashable, Sendable {
        public var id: String
        public var kind: ApplicationKind
        public var submittedBy: String
    }

    public init(
        statistics: DayStatistics, needsReview: [Application], refusedByCentre: [OutboxEntry],
        ledger: LedgerVerifier.Finding
    ) {
        self.statistics = statistics
        self.needsReview = needsReview.map { Item(id: $0.id, kind: $0.kind, submittedBy: $0.submittedBy) }
        self.refusedByCentre = refusedByCentre.count
        refusedCommands = refusedByCentre.map(RefusedCommand.init)
        ledgerIntact = if case .intact = ledger { true } else { false }
        ledgerFinding = ledger.description
    }
}

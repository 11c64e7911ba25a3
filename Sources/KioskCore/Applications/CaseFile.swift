/// A case opened at the desk: the application, the person's overview, what happened to it (its
/// ledger lines) and what the reader may do next.
public struct CaseFile: Codable, Hashable, Sendable {
    public var application: Application
    public var person: PersonSummary
    public var history: [LedgerEntry]
    public var offers: [CaseOffer]
    public var overdue: Bool
    /// The current level's own limit has passed: its supervisor is told (escalation).
    public var stepOverdue: Bool
    /// A limit falls before the end of the next working day (the reminder).
    public var dueSoon: Bool

    public init(
        application: Application, person: PersonSummary, history: [LedgerEntry], offers: [CaseOffer], overdue: Bool,
        stepOverdue: Bool, dueSoon: Bool
    ) {
        self.application = application
        self.person = person
        self.history = history
        self.offers = offers
        self.overdue = overdue
        self.stepOverdue = stepOverdue
        self.dueSoon = dueSoon
    }
}

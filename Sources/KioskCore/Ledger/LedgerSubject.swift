import Vocabulary

/// What a ledger entry concerns. People are always written masked.
public enum LedgerSubject: Hashable, Sendable {
    case person(idNumber: String)
    case application(id: String)
    case card(number: String)
    case staff(id: String)
    case jobPosting(id: String)
    case trainingCourse(id: String)
    /// This terminal, in its own ledger.
    case terminal
    /// A terminal the centre registered, in the centre's ledger.
    case registeredTerminal(id: String)
    /// A batch of cards sent to production.
    case cardBatch(id: String)
    /// The figures or records of an area (a region code), read or exported from the console.
    case area(String)
    /// A year of the working calendar.
    case calendarYear(Int)
    /// The route of a service across levels.
    case serviceRoute(ApplicationKind)
    /// A service's guide (办事指南).
    case serviceGuide(ApplicationKind)
    /// A policy notice.
    case notice(id: String)
    /// A year's list of retirees' qualification checks.
    case retireeChecks(year: Int)
    /// The residents' pension's grade table.
    case pensionGrades

    /// How the ledger writes it.
    public var ledgerText: String {
        switch self {
        case .person(let idNumber): "person:\(MaskedIDNumber(idNumber))"
        case .application(let id): "application:" + id
        case .card(let number): "card:" + number
        case .staff(let id): "staff:" + id
        case .jobPosting(let id): "jobPosting:" + id
        case .trainingCourse(let id): "trainingCourse:" + id
        case .terminal: "terminal"
        case .registeredTerminal(let id): "terminal:" + id
        case .cardBatch(let id): "batch:" + id
        case .area(let code): "area:" + code
        case .calendarYear(let year): "calendarYear:\(year)"
        case .serviceRoute(let kind): "serviceRoute:" + kind.rawValue
        case .retireeChecks(let year): "retireeChecks:\(year)"
        case .pensionGrades: "pensionGrades"
        case .serviceGuide(let kind): "serviceGuide:" + kind.rawValue
        case .notice(let id): "notice:" + id
        }
    }
}

import Vocabulary

/// What a ledger entry concerns. People are always written masked.
public enum LedgerSubject: Hashable, Sendable {
    case person(idNumber: String)
    case application(id: String)
    case card(number: String)
    case staff(id: String)
    case jobPosting(id: String)
    case terminal

    /// How the ledger writes it.
    public var ledgerText: String {
        switch self {
        case .person(let idNumber): "person:\(MaskedIDNumber(idNumber))"
        case .application(let id): "application:" + id
        case .card(let number): "card:" + number
        case .staff(let id): "staff:" + id
        case .jobPosting(let id): "jobPosting:" + id
        case .terminal: "terminal"
        }
    }
}

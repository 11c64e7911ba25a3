import Vocabulary

/// Who is asking: a member of staff signed in, a resident whose card and PIN opened a session,
/// the machine's administrator at its command line, or the centre whose pull changed the cache.
public enum Principal: Hashable, Sendable {
    case staff(StaffMember)
    /// A resident, known by the ID number read from their card after the PIN was verified.
    case resident(idNumber: String)
    /// Whoever runs `sskiosk` on the terminal itself (root, or the service account), named by
    /// their system account. Never a session of the API: it manages staff accounts and nothing else.
    case administrator(account: String)
    /// The county centre, as the author of what a pull takes out of the cache. Never a session
    /// of the API: it is named in the ledger and may do nothing else.
    case centre

    /// How the ledger names the actor: a staff id, or the card holder masked.
    public var ledgerName: String {
        switch self {
        case .staff(let member): member.id
        case .resident(let idNumber): "card:\(MaskedIDNumber(idNumber))"
        case .administrator(let account): "admin:" + account
        case .centre: "centre"
        }
    }
}

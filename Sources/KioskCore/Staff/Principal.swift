import Vocabulary

/// Who is asking: a member of staff signed in, or a resident whose card and PIN opened a session.
public enum Principal: Hashable, Sendable {
    case staff(StaffMember)
    /// A resident, known by the ID number read from their card after the PIN was verified.
    case resident(idNumber: String)

    /// How the ledger names the actor: a staff id, or the card holder masked.
    public var ledgerName: String {
        switch self {
        case .staff(let member): member.id
        case .resident(let idNumber): "card:\(MaskedIDNumber(idNumber))"
        }
    }
}

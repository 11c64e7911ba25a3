import Foundation

extension Application {
    /// Applies a case action by `actor`, or says why not: the rules that hang on the case alone, the
    /// same at the desk and at the centre that replays the move. The first clerk who takes a case
    /// owns it (首问负责), its handling steps are theirs, and its owner does not decide it (分权操作).
    ///
    /// `rejection` is required to reject, `handOverTo` names who a hand-over goes to. With
    /// `adoptingUntaken`, an owner's step on a case no one is known to own makes its actor the owner:
    /// the centre's way with a case taken on a terminal before owners were sent.
    public mutating func apply(
        _ action: CaseAction, by actor: String, at now: Date, rejection: Rejection? = nil,
        handOverTo: String? = nil, calendar: WorkingCalendar = .published, adoptingUntaken: Bool = false
    ) throws(KioskError) {
        switch action {
        case .take:
            guard status.isOpen else { throw .caseClosed }
            if let owner { throw owner == actor ? .caseAlreadyYours : .caseOwned(by: owner) }
            owner = actor
            return
        case .handOver:
            try requireOwner(actor, adoptingUntaken: adoptingUntaken)
            guard let to = handOverTo, to != actor else { throw .handOverTarget }
            owner = to
            return
        default:
            break
        }
        if action.ownersOnly { try requireOwner(actor, adoptingUntaken: adoptingUntaken) }
        if action == .approve || action == .reject, owner == actor { throw .ownerDecides }
        if action == .reject {
            guard let rejection else { throw .rejectionReasonRequired }
            if rejection.reason == .other, rejection.note.trimmingCharacters(in: .whitespaces).isEmpty {
                throw .rejectionReasonRequired
            }
            self.rejection = rejection
        }
        if action == .reportUp { return try reportUp(at: now, calendar: calendar) }
        guard let target = action.target else { return }
        try move(to: target, by: actor, at: now, calendar: calendar)
    }

    private mutating func requireOwner(_ actor: String, adoptingUntaken: Bool) throws(KioskError) {
        guard let owner else {
            guard adoptingUntaken else { throw .caseNotTaken }
            owner = actor
            return
        }
        guard owner == actor else { throw .caseOwned(by: owner) }
    }
}

import Foundation

/// Who may do what with a case, decided on the application alone: the role and jurisdiction
/// (``AccessPolicy``), the status's edges, the owner (首问负责) and separated duties. The services
/// apply it before a change and the desk's page lists it, so a button the page leaves out says why.
public enum CaseRules {
    /// The application after `action` by `principal`, or the reason it is refused. `rejection` is
    /// required to reject; `handOverTo` names the colleague a hand-over goes to; a clock that runs
    /// again counts on `calendar`.
    public static func apply(
        _ action: CaseAction, to application: Application, by principal: Principal, at now: Date,
        rejection: Rejection? = nil, handOverTo: String? = nil, calendar: WorkingCalendar = .published
    ) throws(KioskError) -> Application {
        try AccessPolicy.authorize(
            principal, action.permission, regionCode: application.regionCode, idNumber: application.idNumber)
        guard case .staff(let member) = principal else { throw .forbidden(action.permission.rawValue) }
        var next = application
        switch action {
        case .take:
            guard application.status.isOpen else { throw .caseClosed }
            if let owner = application.owner { throw owner == member.id ? .caseAlreadyYours : .caseOwned(by: owner) }
            next.owner = member.id
            return next
        case .handOver:
            try requireOwner(application, member)
            guard let to = handOverTo, to != member.id else { throw .handOverTarget }
            next.owner = to
            return next
        default:
            break
        }
        if action.ownersOnly { try requireOwner(application, member) }
        if action == .approve || action == .reject, application.owner == member.id { throw .ownerDecides }
        if action == .reject {
            guard let rejection else { throw .rejectionReasonRequired }
            if rejection.reason == .other, rejection.note.trimmingCharacters(in: .whitespaces).isEmpty {
                throw .rejectionReasonRequired
            }
            next.rejection = rejection
        }
        guard let target = action.target else { return next }
        try next.move(to: target, by: member.id, at: now, calendar: calendar)
        return next
    }

    /// Each action with whether `principal` may take it now, and if not, why.
    public static func offers(for application: Application, to principal: Principal, at now: Date) -> [CaseOffer] {
        CaseAction.allCases.map { action in
            do throws(KioskError) {
                _ = try apply(
                    action, to: application, by: principal, at: now,
                    rejection: Rejection(reason: .notEligible, note: ""), handOverTo: "\u{0}colleague")
                return CaseOffer(action: action, refusal: nil)
            } catch {
                return CaseOffer(action: action, refusal: error)
            }
        }
    }

    private static func requireOwner(_ application: Application, _ member: StaffMember) throws(KioskError) {
        guard let owner = application.owner else { throw .caseNotTaken }
        guard owner == member.id else { throw .caseOwned(by: owner) }
    }
}

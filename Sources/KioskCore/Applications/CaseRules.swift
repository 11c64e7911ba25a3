import Foundation

/// Who may do what with a case, decided on the application alone: the role and jurisdiction
/// (``AccessPolicy``), the level its route is at, then the case's own rules
/// (``Application/apply(_:by:at:rejection:handOverTo:calendar:adoptingUntaken:)``). The services
/// apply it before a change and the desk's page lists it, so a button the page leaves out says why.
public enum CaseRules {
    /// The application after `action` by `principal`, or the reason it is refused. `rejection` is
    /// required to reject; `handOverTo` names the colleague a hand-over goes to; a clock that runs
    /// again counts on `calendar`.
    public static func apply(
        _ action: CaseAction, to application: Application, by principal: Principal, at now: Date,
        rejection: Rejection? = nil, handOverTo: String? = nil, calendar: WorkingCalendar = .published,
        adoptingUntaken: Bool = false
    ) throws(KioskError) -> Application {
        try AccessPolicy.authorize(
            principal, action.permission, regionCode: application.regionCode, idNumber: application.idNumber)
        guard case .staff(let member) = principal else { throw .forbidden(action.permission.rawValue) }
        let level = ServiceLevel(member.jurisdiction)
        guard level >= application.level else { throw .levelBelowStep(level, step: application.level) }
        var next = application
        try next.apply(
            action, by: member.id, at: now, rejection: rejection, handOverTo: handOverTo, calendar: calendar,
            adoptingUntaken: adoptingUntaken)
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
}

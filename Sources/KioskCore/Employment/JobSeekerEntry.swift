import Foundation

/// One thing recorded on a job seeker's registration, as the terminal records it and the centre
/// replays it.
public enum JobSeekerEntry: Hashable, Sendable {
    case registration(JobSeekerRegistration)
    case followUp(JobSeekerFollowUp)
    case referral(JobReferral)
    case closing(JobSeekerClosing)
    case difficulty(EmploymentDifficulty)
    case visit(AssistanceVisit)
    case placement(PublicWelfarePlacement)

    /// The ledger's and the outbox's name for it.
    public var actionName: String {
        switch self {
        case .registration: "jobseeker.register"
        case .followUp: "jobseeker.follow-up"
        case .referral: "jobseeker.refer"
        case .closing: "jobseeker.close"
        case .difficulty: "jobseeker.difficulty"
        case .visit: "jobseeker.visit"
        case .placement: "jobseeker.placement"
        }
    }

    /// The ledger's detail: what was recorded, never who the person is or what they said.
    public var ledgerDetail: String {
        switch self {
        case .registration(let registration):
            "category=\(registration.category.rawValue) promise=\(registration.promiseDue != nil)"
        case .followUp(let followUp): "month=\(followUp.month) method=\(followUp.method.rawValue)"
        case .referral(let referral): "posting=\(referral.postingID)"
        case .closing(let closing): "reason=\(closing.reason.rawValue)"
        case .difficulty(let difficulty): "categories=\(difficulty.categories.map(\.rawValue).joined(separator: ","))"
        case .visit: "visited"
        case .placement(let placement): "posting=\(placement.postingID) from=\(placement.startsOn)"
        }
    }
}

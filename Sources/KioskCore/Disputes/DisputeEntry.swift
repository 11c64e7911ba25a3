import Foundation

/// One thing recorded on a case, as the terminal records it and the centre replays it.
public enum DisputeEntry: Hashable, Sendable {
    case intake(LabourDispute)
    case decision(DisputeDecision)
    case session(MediationSession)
    /// Both parties agreed to more time: by whom recorded, when.
    case `extension`(by: String, at: Date)
    /// The case given to a colleague, who answers for it from then on.
    case handOver(to: String, by: String, at: Date)
    case outcome(DisputeOutcome)

    public var actionName: String {
        switch self {
        case .intake: "dispute.intake"
        case .decision: "dispute.decide"
        case .session: "dispute.session"
        case .extension: "dispute.extend"
        case .handOver: "dispute.hand-over"
        case .outcome: "dispute.outcome"
        }
    }

    /// The ledger's detail: never who the worker is or what they said.
    public var ledgerDetail: String {
        switch self {
        case .intake(let dispute): "kind=\(dispute.kind.rawValue) category=\(dispute.category.rawValue)"
        case .decision(let decision): "accepted=\(decision.accepted)"
        case .session(let session): "day=\(session.day)"
        case .extension: "extended"
        case .handOver(let colleague, _, _): "to=\(colleague)"
        case .outcome(let outcome): "result=\(outcome.result.rawValue)"
        }
    }
}

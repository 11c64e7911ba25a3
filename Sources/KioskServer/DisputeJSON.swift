import Foundation
import KioskCore

/// A labour dispute or petition as the desk shows it: the case with its state against its limits,
/// said in words.
struct DisputeJSON: Encodable, PersonRecord {
    var id: String
    var kind: LabourDispute.Kind
    var kindName: String
    var regionCode: String
    var idNumber: String
    var name: String
    var phone: String?
    var employer: DisputeEmployer
    var category: LabourDispute.Category
    var categoryName: String
    var claimedYuan: Int?
    var facts: String
    var receivedAt: Date
    var receivedBy: String
    var owner: String
    var decideBy: Date
    var settleBy: Date?
    var decision: DisputeDecision?
    var sessions: [MediationSession]
    var extendedAt: Date?
    var outcome: DisputeOutcome?
    var resultName: String?
    var state: DisputeState
    var stateName: String

    init(_ dispute: LabourDispute, at now: Date) {
        id = dispute.id
        kind = dispute.kind
        kindName = dispute.kind.chineseName
        regionCode = dispute.regionCode
        idNumber = dispute.idNumber
        name = dispute.name
        phone = dispute.phone
        employer = dispute.employer
        category = dispute.category
        categoryName = dispute.category.chineseName
        claimedYuan = dispute.claimedYuan
        facts = dispute.facts
        receivedAt = dispute.receivedAt
        receivedBy = dispute.receivedBy
        owner = dispute.owner
        decideBy = dispute.decideBy
        settleBy = dispute.settleBy
        decision = dispute.decision
        sessions = dispute.sessions
        extendedAt = dispute.extendedAt
        outcome = dispute.outcome
        resultName = dispute.outcome?.result.chineseName
        state = dispute.state(at: now)
        stateName = state.chineseName
    }
}

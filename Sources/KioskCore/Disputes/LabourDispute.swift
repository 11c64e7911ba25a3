import Foundation

/// A case of the township's labour dispute mediation (劳动争议调解) or a petition (信访) on a labour
/// matter: who brought it and against which employer, what they ask, who took it and answers for it
/// (首问负责), whether it was accepted, the mediation sessions, and how it ended.
public struct LabourDispute: Codable, Hashable, Sendable {
    /// The terminal's id and a number of its own: unique across terminals.
    public var id: String
    public var kind: Kind
    /// The mediation office's area: the jurisdiction of the terminal that took it.
    public var regionCode: String
    /// The worker or petitioner, as their papers say.
    public var idNumber: String
    public var name: String
    public var phone: String?
    public var employer: DisputeEmployer
    public var category: Category
    /// What the worker claims, in yuan; nil when the claim is not money.
    public var claimedYuan: Int?
    /// The facts and the request, in the worker's words as the clerk wrote them.
    public var facts: String
    public var receivedAt: Date
    /// The clerk who took it (首问负责人); a hand-over names the next.
    public var receivedBy: String
    public var owner: String
    /// The end of the day by which the office must say whether it accepts the case, fixed when taken.
    public var decideBy: Date
    /// The end of the day by which the case must be settled, fixed on acceptance and moved once by
    /// an extension both parties agree to.
    public var settleBy: Date?
    public var decision: DisputeDecision?
    public var sessions: [MediationSession]
    public var extendedAt: Date?
    public var outcome: DisputeOutcome?

    public init(
        id: String, kind: Kind, regionCode: String, idNumber: String, name: String, phone: String?,
        employer: DisputeEmployer, category: Category, claimedYuan: Int?, facts: String, receivedAt: Date,
        receivedBy: String, decideBy: Date
    ) {
        self.id = id
        self.kind = kind
        self.regionCode = regionCode
        self.idNumber = idNumber
        self.name = name
        self.phone = phone
        self.employer = employer
        self.category = category
        self.claimedYuan = claimedYuan
        self.facts = facts
        self.receivedAt = receivedAt
        self.receivedBy = receivedBy
        owner = receivedBy
        self.decideBy = decideBy
        sessions = []
    }

    public var isOpen: Bool { outcome == nil && decision?.accepted != false }

    /// Where the case stands at `now` against its limits.
    public func state(at now: Date) -> DisputeState {
        if let outcome { return outcome.at <= (settleBy ?? decideBy) ? .closed : .closedLate }
        guard let decision else { return now > decideBy ? .late : .awaitingDecision }
        guard decision.accepted else { return decision.at <= decideBy ? .declined : .closedLate }
        return now > (settleBy ?? decideBy) ? .late : .inMediation
    }

    /// Records `entry` as the rules allow it: a decision once, before anything else; sessions, an
    /// extension (once, a mediation only) and an outcome only on an accepted case still open; an
    /// agreement only from mediation, an answer only to a petition.
    public mutating func record(_ entry: DisputeEntry) throws(KioskError) {
        guard isOpen else { throw .disputeClosed }
        switch entry {
        case .intake: throw .disputeIDTaken
        case .decision(let decision):
            guard self.decision == nil else { throw .disputeDecided }
            self.decision = decision
            if decision.accepted { settleBy = kind.settleBy(received: receivedAt, accepted: decision.at) }
        case .session(let session):
            guard decision?.accepted == true else { throw .disputeNotAccepted }
            sessions.append(session)
        case .extension(_, let at):
            guard decision?.accepted == true, let settleBy else { throw .disputeNotAccepted }
            guard extendedAt == nil else { throw .disputeExtended }
            self.settleBy = WorkingCalendar.china.date(byAdding: .day, value: kind.extensionDays, to: settleBy)
            extendedAt = at
        case .handOver(let colleague, _, _):
            owner = colleague
        case .outcome(let outcome):
            guard decision?.accepted == true else { throw .disputeNotAccepted }
            guard outcome.result.fits(kind) else { throw .outcomeMismatch }
            self.outcome = outcome
        }
    }

    public enum Kind: String, Codable, CaseIterable, Hashable, Sendable {
        /// 劳动争议调解申请: mediated by the township's mediation organisation.
        case mediation
        /// 劳动保障信访: a letter or visit on a labour matter.
        case petition

        public var chineseName: String {
            switch self {
            case .mediation: "劳动争议调解"
            case .petition: "劳动保障信访"
            }
        }

        /// Working days to decide whether to accept: 3 for mediation (企业劳动争议协商调解规定), 15 for
        /// a petition (信访工作条例 says 15 days; counted here on the hall's working days, as its other
        /// limits are).
        public var decisionWorkingDays: Int {
            switch self {
            case .mediation: 3
            case .petition: 15
            }
        }

        /// The days one extension adds: 15 for mediation with both parties' consent, 30 for a petition.
        public var extensionDays: Int {
            switch self {
            case .mediation: 15
            case .petition: 30
            }
        }

        /// The end of the day a case must be settled by: mediation 15 days from the application's
        /// receipt (劳动争议调解仲裁法 第十四条), a petition 60 days from its acceptance.
        func settleBy(received: Date, accepted: Date) -> Date? {
            let china = WorkingCalendar.china
            let (start, days) =
                switch self {
                case .mediation: (received, 15)
                case .petition: (accepted, 60)
                }
            return china.date(byAdding: DateComponents(day: days + 1, second: -1), to: china.startOfDay(for: start))
        }
    }

    /// What the dispute is about, as the mediation register classifies it.
    public enum Category: String, Codable, CaseIterable, Hashable, Sendable {
        case unpaidWages = "unpaid-wages"
        case contractTermination = "contract-termination"
        case socialInsurance = "social-insurance"
        case workInjury = "work-injury"
        case overtime
        case other

        public var chineseName: String {
            switch self {
            case .unpaidWages: "拖欠劳动报酬"
            case .contractTermination: "解除、终止劳动合同"
            case .socialInsurance: "社会保险"
            case .workInjury: "工伤待遇"
            case .overtime: "加班工资、休息休假"
            case .other: "其他"
            }
        }
    }
}

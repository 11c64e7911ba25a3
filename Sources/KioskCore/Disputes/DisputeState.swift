/// Where a case stands against its limits: the worklist shows the late ones first.
public enum DisputeState: String, Codable, CaseIterable, Hashable, Sendable {
    case awaitingDecision = "awaiting-decision"
    case inMediation = "in-mediation"
    /// Open past the day to decide or to settle.
    case late
    case declined
    case closed
    /// Decided or settled after its day.
    case closedLate = "closed-late"

    public var chineseName: String {
        switch self {
        case .awaitingDecision: "待决定受理"
        case .inMediation: "办理中"
        case .late: "已超期"
        case .declined: "不予受理"
        case .closed: "已办结"
        case .closedLate: "超期办结"
        }
    }
}

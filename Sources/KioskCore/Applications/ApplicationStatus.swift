/// Where an application stands. Moves only along the edges of ``ApplicationStatus/canMove(to:)``.
public enum ApplicationStatus: String, Codable, CaseIterable, Hashable, Sendable {
    /// 已受理
    case submitted
    /// 待主管核查: a possible duplicate, or a case a clerk sent up.
    case needsReview = "needs-review"
    /// 待补正材料: the resident was asked for missing papers; the clock stops until they arrive.
    case awaitingMaterials = "awaiting-materials"
    /// 已审批
    case approved
    /// 不予受理
    case rejected
    /// 已办结
    case completed
    /// 已撤回
    case withdrawn

    public var chineseName: String {
        switch self {
        case .submitted: "已受理"
        case .needsReview: "待主管核查"
        case .awaitingMaterials: "待补正材料"
        case .approved: "已审批"
        case .rejected: "不予受理"
        case .completed: "已办结"
        case .withdrawn: "已撤回"
        }
    }

    public func canMove(to next: ApplicationStatus) -> Bool {
        switch (self, next) {
        case (.submitted, .approved), (.submitted, .rejected), (.submitted, .needsReview), (.submitted, .withdrawn):
            true
        case (.needsReview, .approved), (.needsReview, .rejected), (.needsReview, .withdrawn): true
        case (.submitted, .awaitingMaterials), (.awaitingMaterials, .submitted), (.awaitingMaterials, .rejected),
            (.awaitingMaterials, .withdrawn):
            true
        case (.approved, .completed): true
        default: false
        }
    }

    public var isOpen: Bool {
        self == .submitted || self == .needsReview || self == .approved || self == .awaitingMaterials
    }
}

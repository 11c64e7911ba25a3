/// What a member of staff may do with an application at the desk (case work).
public enum CaseAction: String, Codable, CaseIterable, Hashable, Sendable {
    /// 认领: become the case's owner (首问负责).
    case take
    /// 移交: the owner gives the case to a colleague.
    case handOver = "hand-over"
    /// 一次性告知补正: ask for missing papers; the clock stops.
    case requestMaterials = "request-materials"
    /// 材料已补齐: the papers arrived; the clock runs again.
    case materialsArrived = "materials-arrived"
    /// 报主管核查
    case refer
    /// 上报: send the case to the next level of its route.
    case reportUp = "report-up"
    case approve
    case reject
    case complete
    /// 应申请人要求撤回
    case withdraw

    /// The status the action moves the application to; nil for a change of owner or of level.
    public var target: ApplicationStatus? {
        switch self {
        case .take, .handOver, .reportUp: nil
        case .requestMaterials: .awaitingMaterials
        case .materialsArrived: .submitted
        case .refer: .needsReview
        case .approve: .approved
        case .reject: .rejected
        case .complete: .completed
        case .withdraw: .withdrawn
        }
    }

    /// The action that moves an application to `status`, as the status route names it.
    public init(moving status: ApplicationStatus) {
        self =
            switch status {
            case .submitted: .materialsArrived
            case .needsReview: .refer
            case .awaitingMaterials: .requestMaterials
            case .approved: .approve
            case .rejected: .reject
            case .completed: .complete
            case .withdrawn: .withdraw
            }
    }

    /// What the role must be allowed (``AccessPolicy``): deciding is a supervisor's, handling a clerk's.
    public var permission: Action {
        switch self {
        case .approve, .reject: .approveApplication
        default: .handleApplication
        }
    }

    /// Whether only the case's owner may take it (首问负责): the handling steps are theirs.
    var ownersOnly: Bool {
        switch self {
        case .handOver, .requestMaterials, .materialsArrived, .refer, .reportUp, .complete, .withdraw: true
        case .take, .approve, .reject: false
        }
    }
}

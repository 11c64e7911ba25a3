import Foundation

/// The end of a registration (登记注销): found work, moved away, no longer seeking, or retired.
public struct JobSeekerClosing: Codable, Hashable, Sendable {
    public var reason: Reason
    /// The employer, when they found work; nil otherwise.
    public var employer: String?
    /// The staff id of the clerk.
    public var by: String
    public var at: Date

    public init(reason: Reason, employer: String?, by: String, at: Date) {
        self.reason = reason
        self.employer = employer
        self.by = by
        self.at = at
    }

    public enum Reason: String, Codable, CaseIterable, Hashable, Sendable {
        /// 实现就业 (employed or self-employed): the promise is kept when it is in time.
        case employed
        case movedAway = "moved-away"
        case noLongerSeeking = "no-longer-seeking"
        case retired

        public var chineseName: String {
            switch self {
            case .employed: "实现就业"
            case .movedAway: "迁出"
            case .noLongerSeeking: "无就业意愿"
            case .retired: "退休"
            }
        }
    }
}

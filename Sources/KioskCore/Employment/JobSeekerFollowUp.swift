import Foundation
import Vocabulary

/// A month's contact with a registered person (登记失业人员日常管理): how the clerk reached them,
/// whether they still seek work, and what was said. One a month.
public struct JobSeekerFollowUp: Codable, Hashable, Sendable {
    public var method: Method
    /// Whether they still want a job; a person who found one is closed as employed instead.
    public var stillSeeking: Bool
    public var note: String?
    /// The staff id of the clerk.
    public var by: String
    public var at: Date

    public init(method: Method, stillSeeking: Bool, note: String?, by: String, at: Date) {
        self.method = method
        self.stillSeeking = stillSeeking
        self.note = note
        self.by = by
        self.at = at
    }

    /// The month the follow-up counts for, in China.
    public var month: YearMonth { .inChina(containing: at) }

    public enum Method: String, Codable, CaseIterable, Hashable, Sendable {
        case phone
        case visit
        case atHall = "at-hall"

        public var chineseName: String {
            switch self {
            case .phone: "电话回访"
            case .visit: "上门走访"
            case .atHall: "来厅办理"
            }
        }
    }
}

/// Where the office's promise of a suitable job within ten working days stands for one person.
public enum JobPromiseState: String, Codable, CaseIterable, Hashable, Sendable {
    /// Owed, the tenth working day still to come.
    case running
    /// Owed and past the tenth working day with no job: on the worklist.
    case late
    /// Found work by the tenth working day.
    case kept
    /// Found work, after the tenth working day.
    case keptLate = "kept-late"
    /// Closed for another reason before work was found: no longer owed.
    case released
    /// Never owed: not wanting a job, or a job seeker outside the promise's groups.
    case notOwed = "not-owed"

    public var chineseName: String {
        switch self {
        case .running: "承诺期内"
        case .late: "超过10个工作日未就业"
        case .kept: "按期实现就业"
        case .keptLate: "超期实现就业"
        case .released: "已注销"
        case .notOwed: "不适用"
        }
    }
}

import Foundation

/// How a person came onto the register (就业失业登记): as registered unemployed, or as a job seeker
/// who is not (a graduate, a farmer looking for work away from the land), with why they are out of
/// work and where they last worked.
public struct JobSeekerRegistration: Codable, Hashable, Sendable {
    public var category: Category
    public var reason: UnemploymentReason
    /// The employer they last worked for, as the person said it; nil when they never worked for one.
    public var lastEmployer: String?
    /// Whether they want a job now (有就业意愿): only then does the office owe them one.
    public var wantsJob: Bool
    /// Whether no one of working age in their household is employed (零就业家庭).
    public var zeroEmploymentFamily: Bool
    /// The staff id of the clerk who registered them.
    public var by: String
    public var at: Date
    /// The end of the tenth working day after the registration when the office promised a suitable
    /// job (``JobSeeker/isOwedAJob``): fixed on the calendar of the day it was made, like a case's
    /// limit, so a holiday published later does not move it.
    public var promiseDue: Date?

    public init(
        category: Category, reason: UnemploymentReason, lastEmployer: String?, wantsJob: Bool,
        zeroEmploymentFamily: Bool, by: String, at: Date, promiseDue: Date?
    ) {
        self.category = category
        self.reason = reason
        self.lastEmployer = lastEmployer
        self.wantsJob = wantsJob
        self.zeroEmploymentFamily = zeroEmploymentFamily
        self.by = by
        self.at = at
        self.promiseDue = promiseDue
    }

    /// Working days the office has to find a suitable job (五个100%: 10个工作日内).
    public static let promisedWorkingDays = 10

    public enum Category: String, Codable, CaseIterable, Hashable, Sendable {
        /// 登记失业人员: of working age, able and wanting to work, without work.
        case registeredUnemployed = "registered-unemployed"
        /// 求职登记: looking for work without being registered unemployed.
        case jobSeeker = "job-seeker"

        public var chineseName: String {
            switch self {
            case .registeredUnemployed: "登记失业"
            case .jobSeeker: "求职登记"
            }
        }
    }

    /// Why the person is out of work (失业原因), as the registration form lists it.
    public enum UnemploymentReason: String, Codable, CaseIterable, Hashable, Sendable {
        case contractEnded = "contract-ended"
        case dismissed
        case employerClosed = "employer-closed"
        case resigned
        case graduateWithoutJob = "graduate-without-job"
        case returnedHome = "returned-home"
        case other

        public var chineseName: String {
            switch self {
            case .contractEnded: "劳动合同期满终止"
            case .dismissed: "解除劳动合同"
            case .employerClosed: "用人单位关闭破产"
            case .resigned: "个人辞职"
            case .graduateWithoutJob: "毕业未就业"
            case .returnedHome: "返乡"
            case .other: "其他"
            }
        }
    }
}

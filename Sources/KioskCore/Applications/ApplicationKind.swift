/// The services a resident applies for at a kiosk or a desk, with the time limit for each (限时办结).
public enum ApplicationKind: String, Codable, CaseIterable, Hashable, Sendable {
    case residentPensionEnrolment = "resident-pension-enrolment"
    /// 城乡居民养老保险待遇领取: the pension claimed at 60 after fifteen years paid.
    case residentPensionClaim = "resident-pension-claim"
    case employmentRegistration = "employment-registration"
    case unemploymentRegistration = "unemployment-registration"
    case flexibleEmploymentRegistration = "flexible-employment-registration"
    case employmentDifficulty = "employment-difficulty"
    case trainingSignUp = "training-sign-up"
    /// Filed as an application before the check became a record of its own (``RetireeCheck``):
    /// kept so that such applications still read, no longer filed.
    case retireeQualificationCheck = "retiree-qualification-check"
    case cardApplication = "card-application"
    case cardReplacement = "card-replacement"
    case lossReport = "loss-report"
    case lossReportLifting = "loss-report-lifting"

    public var chineseName: String {
        switch self {
        case .residentPensionEnrolment: "城乡居民养老保险参保登记"
        case .residentPensionClaim: "城乡居民养老保险待遇领取"
        case .employmentRegistration: "就业登记"
        case .unemploymentRegistration: "失业登记"
        case .flexibleEmploymentRegistration: "灵活就业登记"
        case .employmentDifficulty: "就业困难人员认定"
        case .trainingSignUp: "职业培训报名"
        case .retireeQualificationCheck: "退休人员资格认证"
        case .cardApplication: "社会保障卡申领"
        case .cardReplacement: "社会保障卡补换"
        case .lossReport: "社会保障卡挂失"
        case .lossReportLifting: "社会保障卡解挂"
        }
    }

    /// Working days to complete it; 0 means the same day (即办).
    public var timeLimitDays: Int {
        switch self {
        case .lossReport, .lossReportLifting, .retireeQualificationCheck, .trainingSignUp: 0
        case .employmentRegistration, .unemploymentRegistration, .flexibleEmploymentRegistration: 0
        case .residentPensionEnrolment: 5
        case .residentPensionClaim: 10
        case .employmentDifficulty: 15
        case .cardApplication, .cardReplacement: 20
        }
    }

    /// Whether a resident may file it alone at a kiosk; the others need a clerk.
    public var selfService: Bool {
        switch self {
        case .lossReport, .trainingSignUp, .unemploymentRegistration, .employmentRegistration: true
        default: false
        }
    }

    /// Whether it is filed as an application at all.
    public var isFiled: Bool { self != .retireeQualificationCheck }
}

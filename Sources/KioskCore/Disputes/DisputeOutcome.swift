import Foundation

/// How a case ended: an agreement (调解协议), no agreement, a withdrawal, a referral to arbitration
/// or to labour inspection, or a petition answered.
public struct DisputeOutcome: Codable, Hashable, Sendable {
    public var result: Result
    /// What the parties agreed, or the answer given, or why no agreement was reached.
    public var terms: String
    /// The money the employer agreed to pay, in yuan.
    public var agreedYuan: Int?
    /// The day by which the employer pays or does what it agreed ("YYYY-MM-DD").
    public var performBy: String?
    /// The staff id of the mediator.
    public var by: String
    public var at: Date

    public init(result: Result, terms: String, agreedYuan: Int?, performBy: String?, by: String, at: Date) {
        self.result = result
        self.terms = terms
        self.agreedYuan = agreedYuan
        self.performBy = performBy
        self.by = by
        self.at = at
    }

    public enum Result: String, Codable, CaseIterable, Hashable, Sendable {
        case agreement
        case noAgreement = "no-agreement"
        case withdrawn
        /// Sent on to the county's labour dispute arbitration commission (劳动人事争议仲裁委员会).
        case referredToArbitration = "referred-to-arbitration"
        /// Sent on to labour inspection (劳动保障监察), as for unpaid wages an employer will not pay.
        case referredToInspection = "referred-to-inspection"
        /// A petition answered in writing (办结答复).
        case answered

        public var chineseName: String {
            switch self {
            case .agreement: "调解成功"
            case .noAgreement: "调解不成"
            case .withdrawn: "申请人撤回"
            case .referredToArbitration: "转劳动人事争议仲裁"
            case .referredToInspection: "转劳动保障监察"
            case .answered: "已办结答复"
            }
        }

        func fits(_ kind: LabourDispute.Kind) -> Bool {
            switch self {
            case .agreement, .noAgreement: kind == .mediation
            case .answered: kind == .petition
            case .withdrawn, .referredToArbitration, .referredToInspection: true
            }
        }
    }
}

import Vocabulary

/// A person's enrolment in one insurance for a period (参保).
public struct Enrolment: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Hashable, Sendable {
        /// 正常参保
        case active
        /// 暂停缴费
        case suspended
        /// 终止参保
        case terminated
    }

    public var idNumber: String
    public var insurance: InsuranceType
    public var since: YearMonth
    /// The last month covered; nil while it goes on.
    public var until: YearMonth?
    public var status: Status
    /// The unit (employer) or "个人" for individual enrolment.
    public var unit: String

    public init(
        idNumber: String, insurance: InsuranceType, since: YearMonth, until: YearMonth? = nil, status: Status,
        unit: String
    ) {
        self.idNumber = idNumber
        self.insurance = insurance
        self.since = since
        self.until = until
        self.status = status
        self.unit = unit
    }
}

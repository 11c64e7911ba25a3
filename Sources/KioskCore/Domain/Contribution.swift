import Vocabulary

/// One month's contribution to one insurance (缴费明细). Money in fen.
public struct Contribution: Codable, Hashable, Sendable {
    public var idNumber: String
    public var insurance: InsuranceType
    public var month: YearMonth
    /// 缴费基数
    public var baseFen: Int64
    /// 个人缴费
    public var personalFen: Int64
    /// 单位缴费
    public var employerFen: Int64
    /// Whether it arrived (到账).
    public var paid: Bool

    public init(
        idNumber: String, insurance: InsuranceType, month: YearMonth, baseFen: Int64, personalFen: Int64,
        employerFen: Int64, paid: Bool
    ) {
        self.idNumber = idNumber
        self.insurance = insurance
        self.month = month
        self.baseFen = baseFen
        self.personalFen = personalFen
        self.employerFen = employerFen
        self.paid = paid
    }
}

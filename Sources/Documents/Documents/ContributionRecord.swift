import Vocabulary

/// One month's contribution to one scheme, as the centre records it; amounts in fen.
public struct ContributionRecord: Hashable, Sendable {
    /// The month the contribution is for (费款所属期).
    public var month: YearMonth
    public var insurance: InsuranceType
    /// The contribution base (缴费基数).
    public var base: Money
    public var employerPart: Money
    public var personalPart: Money
    public var status: Status

    public init(
        month: YearMonth, insurance: InsuranceType, base: Money, employerPart: Money, personalPart: Money,
        status: Status = .paid
    ) {
        self.month = month
        self.insurance = insurance
        self.base = base
        self.employerPart = employerPart
        self.personalPart = personalPart
        self.status = status
    }

    /// Whether the money arrived (到账情况).
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case paid
        case owed
        case paidLate

        func name(_ language: DocumentLanguage) -> String {
            switch (self, language) {
            case (.paid, .chinese): "已到账"
            case (.owed, .chinese): "欠缴"
            case (.paidLate, .chinese): "补缴"
            case (.paid, .english): "Paid"
            case (.owed, .english): "Owed"
            case (.paidLate, .english): "Paid late"
            }
        }
    }
}

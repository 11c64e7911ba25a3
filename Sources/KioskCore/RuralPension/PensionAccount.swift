import Vocabulary

/// A resident's personal account in the residents' pension (个人账户), year by year: what they paid,
/// the government's subsidy on it by the county's grade table, and the balance so far. Interest is
/// not counted: the centre credits it once a year and no terminal holds the rate.
public struct PensionAccount: Codable, Hashable, Sendable {
    public var years: [Year]
    public var monthsPaid: Int
    public var balanceFen: Int64

    /// One year of the account.
    public struct Year: Codable, Hashable, Sendable {
        public var year: Int
        public var monthsPaid: Int
        public var personalFen: Int64
        /// The subsidy of the highest grade the year's payments reach; nothing below the lowest.
        public var subsidyFen: Int64
        public var balanceFen: Int64
    }

    /// The account from the person's residents' pension contributions (those paid count).
    public init(contributions: [Contribution], grades: PensionGradeTable) {
        let paid = contributions.filter { $0.insurance == .residentPension && $0.paid }
        var balance: Int64 = 0
        years = Dictionary(grouping: paid, by: \.month.year).keys.sorted().map { year in
            let months = paid.filter { $0.month.year == year }
            let personal = months.reduce(0) { $0 + $1.personalFen }
            let subsidy = grades.grades.last { $0.annualFen <= personal }?.subsidyFen ?? 0
            balance += personal + subsidy
            return Year(
                year: year, monthsPaid: Set(months.map(\.month)).count, personalFen: personal, subsidyFen: subsidy,
                balanceFen: balance)
        }
        monthsPaid = Set(paid.map(\.month)).count
        balanceFen = balance
    }
}

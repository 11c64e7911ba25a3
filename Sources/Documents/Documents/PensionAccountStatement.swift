/// A statement of a resident's personal account in the residents' pension (城乡居民养老保险个人账户
/// 对账单): each year's payment, the subsidy on it and the balance, without the interest the centre
/// credits once a year.
public struct PensionAccountStatement: DocumentSource {
    public var person: DocumentHolder
    public var years: [Year]
    public var monthsPaid: Int
    public var balance: Money
    public var issuance: DocumentIssuance
    public var language: DocumentLanguage

    public init(
        person: DocumentHolder, years: [Year], monthsPaid: Int, balance: Money, issuance: DocumentIssuance,
        language: DocumentLanguage = .chinese
    ) {
        self.person = person
        self.years = years
        self.monthsPaid = monthsPaid
        self.balance = balance
        self.issuance = issuance
        self.language = language
    }

    public var template: DocumentTemplate { .pensionAccountStatement(language) }

    /// The common `person.*`, `issue.*` and `office.*` values, and `account.months`, `account.balance`;
    /// table `years` with columns `year`, `months`, `personal`, `subsidy` and `balance` (money), in order.
    public func content() throws -> DocumentContent {
        let rows = years.sorted { $0.year < $1.year }.map { year -> TableRow in
            [
                "year": .text(String(year.year)), "months": .text(String(year.monthsPaid)),
                "personal": .money(year.personal), "subsidy": .money(year.subsidy), "balance": .money(year.balance),
            ]
        }
        var values = CommonValues.person(person, language).merging(CommonValues.issuance(issuance, language)) { $1 }
        values["account.months"] = String(monthsPaid)
        values["account.balance"] = balance.formatted
        return DocumentContent(
            values: values, tables: ["years": rows],
            verification: VerificationSubject(
                kind: .pensionAccountStatement, issuance: issuance, holderName: person.name,
                holderNumber: person.maskedNumber, facts: ["m": String(monthsPaid), "b": String(balance.fen)]))
    }

    /// One year of the account.
    public struct Year: Hashable, Sendable {
        public var year: Int
        public var monthsPaid: Int
        public var personal: Money
        public var subsidy: Money
        public var balance: Money

        public init(year: Int, monthsPaid: Int, personal: Money, subsidy: Money, balance: Money) {
            self.year = year
            self.monthsPaid = monthsPaid
            self.personal = personal
            self.subsidy = subsidy
            self.balance = balance
        }
    }
}

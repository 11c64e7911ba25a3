import Vocabulary

/// A contribution statement (缴费明细 / 个人权益记录): every month's contributions in a period,
/// over as many pages as it takes, with totals.
public struct ContributionStatement: DocumentSource {
    public var person: DocumentHolder
    /// The first and last month of the period asked for.
    public var period: ClosedRange<YearMonth>
    public var records: [ContributionRecord]
    public var issuance: DocumentIssuance
    public var language: DocumentLanguage

    public init(
        person: DocumentHolder, period: ClosedRange<YearMonth>, records: [ContributionRecord],
        issuance: DocumentIssuance,
        language: DocumentLanguage = .chinese
    ) {
        self.person = person
        self.period = period
        self.records = records
        self.issuance = issuance
        self.language = language
    }

    public var template: DocumentTemplate { .contributionStatement(language) }

    /// Employer and personal totals over all records.
    public func totals() throws -> (employer: Money, personal: Money) {
        (try Money.sum(records.map(\.employerPart)), try Money.sum(records.map(\.personalPart)))
    }

    /// The common `person.*`, `issue.*` and `office.*` values, and `period`, `count`, `total.employer`,
    /// `total.personal`; table `contributions` with columns `index`, `month`, `insurance`, `base`,
    /// `employer`, `personal` (money) and `status`, in month order.
    public func content() throws -> DocumentContent {
        let sorted = records.sorted { ($0.month, $0.insurance.rawValue) < ($1.month, $1.insurance.rawValue) }
        let rows = sorted.enumerated().map { index, record -> TableRow in
            [
                "index": .text(String(index + 1)),
                "month": .text(record.month.formatted(language)),
                "insurance": .text(record.insurance.name(language)),
                "base": .money(record.base),
                "employer": .money(record.employerPart),
                "personal": .money(record.personalPart),
                "status": .text(record.status.name(language)),
            ]
        }
        let (employer, personal) = try totals()
        var values = CommonValues.person(person, language).merging(CommonValues.issuance(issuance, language)) { $1 }
        values["period"] =
            period.lowerBound.formatted(language) + (language == .chinese ? " 至 " : " to ")
            + period.upperBound.formatted(language)
        values["count"] = String(records.count)
        values["total.employer"] = employer.formatted
        values["total.personal"] = personal.formatted
        return DocumentContent(
            values: values, tables: ["contributions": rows],
            verification: VerificationSubject(
                kind: .contributionStatement, issuance: issuance, holderName: person.name,
                holderNumber: person.maskedNumber,
                facts: [
                    "p": period.lowerBound.compact + "-" + period.upperBound.compact, "n": String(records.count),
                    "e": String(employer.fen), "i": String(personal.fen),
                ]))
    }
}

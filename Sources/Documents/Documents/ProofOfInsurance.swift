/// A proof of insurance (参保证明): the person's enrolment in each scheme, for an employer, a
/// school, a housing office or a visa application.
public struct ProofOfInsurance: DocumentSource {
    public var person: DocumentHolder
    public var enrolments: [EnrolmentLine]
    public var issuance: DocumentIssuance
    public var language: DocumentLanguage

    public init(
        person: DocumentHolder, enrolments: [EnrolmentLine], issuance: DocumentIssuance,
        language: DocumentLanguage = .chinese
    ) {
        self.person = person
        self.enrolments = enrolments
        self.issuance = issuance
        self.language = language
    }

    public var template: DocumentTemplate { .proofOfInsurance(language) }

    /// Values `person.name`, `person.number`, `person.maskedNumber`, `person.sex`, `issue.serial`,
    /// `issue.date`, `issue.dateTime`, `issue.validUntil`, `office.name`, `office.code`; table
    /// `enrolments` with columns `index`, `insurance`, `status`, `since`, `paidUntil`, `months`, `employer`.
    public func content() throws -> DocumentContent {
        let rows = enrolments.enumerated().map { index, enrolment -> TableRow in
            [
                "index": .text(String(index + 1)),
                "insurance": .text(enrolment.insurance.name(language)),
                "status": .text(enrolment.status.name(language)),
                "since": .text(enrolment.since.formatted(language)),
                "paidUntil": .text(enrolment.paidUntil?.formatted(language) ?? "—"),
                "months": .text(String(enrolment.monthsPaid)),
                "employer": .text(enrolment.employer ?? (language == .chinese ? "个人参保" : "Individual")),
            ]
        }
        return DocumentContent(
            values: CommonValues.person(person, language).merging(CommonValues.issuance(issuance, language)) { $1 },
            tables: ["enrolments": rows],
            verification: VerificationSubject(
                kind: .proofOfInsurance, issuance: issuance, holderName: person.name, holderNumber: person.maskedNumber,
                facts: ["i": enrolments.map { "\($0.insurance.rawValue):\($0.status.rawValue)" }.joined(separator: ",")]
            ))
    }
}

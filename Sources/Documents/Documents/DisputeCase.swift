/// What every document of a labour dispute names: the case, the worker, the employer and what it
/// is about.
public struct DisputeCase: Hashable, Sendable {
    /// The case number the office gave it.
    public var number: String
    public var applicant: DocumentHolder
    public var employer: String
    /// The employer's unified social credit code, address and contact, as far as known.
    public var employerDetails: String
    public var matter: String
    public var facts: String
    public var receivedOn: CalendarDate

    public init(
        number: String, applicant: DocumentHolder, employer: String, employerDetails: String, matter: String,
        facts: String, receivedOn: CalendarDate
    ) {
        self.number = number
        self.applicant = applicant
        self.employer = employer
        self.employerDetails = employerDetails
        self.matter = matter
        self.facts = facts
        self.receivedOn = receivedOn
    }

    /// `case.*` and the applicant's `person.*` values.
    func values(_ language: DocumentLanguage) -> [String: String] {
        var values = CommonValues.person(applicant, language)
        values["case.number"] = number
        values["case.employer"] = employer
        values["case.employerDetails"] = employerDetails.isEmpty ? "—" : employerDetails
        values["case.matter"] = matter
        values["case.facts"] = facts
        values["case.receivedOn"] = receivedOn.formatted(language)
        return values
    }
}

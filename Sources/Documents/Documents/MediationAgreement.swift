/// A mediation agreement (调解协议书): the parties, the dispute, what they agreed and by when, with
/// the lines the parties, the mediator and the mediation organisation sign and seal.
public struct MediationAgreement: DocumentSource {
    public var dispute: DisputeCase
    public var terms: String
    /// The money the employer pays; nil when the agreement is not about money.
    public var amount: Money?
    public var performBy: CalendarDate?
    /// The staff id of the mediator, printed beside the signature line.
    public var mediator: String
    public var issuance: DocumentIssuance
    public var language: DocumentLanguage

    public init(
        dispute: DisputeCase, terms: String, amount: Money?, performBy: CalendarDate?, mediator: String,
        issuance: DocumentIssuance, language: DocumentLanguage = .chinese
    ) {
        self.dispute = dispute
        self.terms = terms
        self.amount = amount
        self.performBy = performBy
        self.mediator = mediator
        self.issuance = issuance
        self.language = language
    }

    public var template: DocumentTemplate { .mediationAgreement(language) }

    /// The common `issue.*`, `office.*`, the applicant's `person.*` and the case's `case.*` values, and
    /// `agreement.terms`, `agreement.amount`, `agreement.performBy`, `agreement.mediator`.
    public func content() throws -> DocumentContent {
        var values = dispute.values(language).merging(CommonValues.issuance(issuance, language)) { $1 }
        values["agreement.terms"] = terms
        values["agreement.amount"] = amount.map { "¥" + $0.formatted } ?? "—"
        values["agreement.performBy"] = performBy?.formatted(language) ?? "—"
        values["agreement.mediator"] = mediator
        var facts = ["c": dispute.number]
        if let amount { facts["a"] = String(amount.fen) }
        return DocumentContent(
            values: values,
            verification: VerificationSubject(
                kind: .mediationAgreement, issuance: issuance, holderName: dispute.applicant.name,
                holderNumber: dispute.applicant.maskedNumber, facts: facts))
    }
}

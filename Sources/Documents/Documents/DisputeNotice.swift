/// The notice that tells a worker whether their application for mediation or their petition is
/// accepted (受理通知书) or not (不予受理通知书), and what happens next.
public struct DisputeNotice: DocumentSource {
    public var dispute: DisputeCase
    public var decision: Decision
    public var issuance: DocumentIssuance
    public var language: DocumentLanguage

    public init(
        dispute: DisputeCase, decision: Decision, issuance: DocumentIssuance, language: DocumentLanguage = .chinese
    ) {
        self.dispute = dispute
        self.decision = decision
        self.issuance = issuance
        self.language = language
    }

    public var template: DocumentTemplate { .disputeNotice(language) }

    /// The common `issue.*`, `office.*`, the applicant's `person.*` and the case's `case.*` values, and
    /// `notice.title`, `notice.decision` and `notice.next`.
    public func content() throws -> DocumentContent {
        var values = dispute.values(language).merging(CommonValues.issuance(issuance, language)) { $1 }
        let text = TemplateKit.localised(language)
        switch decision {
        case .accepted(let settleBy):
            values["notice.title"] = text("受理通知书", "Notice of Acceptance")
            values["notice.decision"] = text("经审查，符合受理条件，决定予以受理。", "Having examined it, the office accepts it.")
            values["notice.next"] = text(
                "本机构将于\(settleBy.formatted(language))前办结。逾期未达成调解协议的，你可以依法向劳动人事争议仲裁委员会申请仲裁。",
                "The office will conclude it by \(settleBy.formatted(language)). If no agreement is reached by then, you "
                    + "may apply to the labour dispute arbitration commission.")
        case .declined(let reason):
            values["notice.title"] = text("不予受理通知书", "Notice of Non-acceptance")
            values["notice.decision"] = text(
                "经审查，决定不予受理。理由：\(reason)", "Having examined it, the office does not accept it: \(reason)")
            values["notice.next"] = text(
                "你可以依法向劳动人事争议仲裁委员会申请仲裁，或向劳动保障监察机构投诉。",
                "You may apply to the labour dispute arbitration commission, or complain to labour inspection.")
        }
        let facts: [String: String] =
            switch decision {
            case .accepted: ["c": dispute.number, "d": "A"]
            case .declined: ["c": dispute.number, "d": "D"]
            }
        return DocumentContent(
            values: values,
            verification: VerificationSubject(
                kind: .disputeNotice, issuance: issuance, holderName: dispute.applicant.name,
                holderNumber: dispute.applicant.maskedNumber, facts: facts))
    }

    public enum Decision: Hashable, Sendable {
        /// Accepted, to be concluded by the day given.
        case accepted(settleBy: CalendarDate)
        case declined(reason: String)
    }
}

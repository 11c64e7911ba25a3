extension DocumentTemplate {
    /// 调解协议书 of a labour dispute, A4, with the parties' and the mediator's signature lines.
    public static func mediationAgreement(_ language: DocumentLanguage) -> DocumentTemplate {
        let text = TemplateKit.localised(language)
        let kit = TemplateKit.self
        return DocumentTemplate(
            title: text("调解协议书 {case.number}", "Mediation Agreement {case.number}"),
            language: language,
            page: .a4,
            body: [
                kit.paragraph(
                    text("劳动争议调解协议书", "Labour Dispute Mediation Agreement"),
                    kit.documentTitle(language, englishSize: 16), after: 2),
                kit.paragraph(
                    text("案件编号：{case.number}", "Case no. {case.number}"), kit.small.with(alignment: .right), after: 4),
                .fields(
                    Block.FieldGrid(
                        columns: 2, labelWidth: language == .chinese ? 26 : 36,
                        fields: [
                            .init(text("申请人", "Applicant"), "{person.name}"),
                            .init(text("身份证号码", "ID number"), "{person.number}"),
                            .init(text("被申请人", "Employer"), "{case.employer}", span: 2),
                            .init(text("单位信息", "Employer details"), "{case.employerDetails}", span: 2),
                            .init(text("争议事项", "Matter"), "{case.matter}", span: 2),
                            .init(text("申请日期", "Applied on"), "{case.receivedOn}", span: 2),
                        ],
                        labelStyle: kit.label, valueStyle: kit.value, labelFill: kit.labelFill, spaceAfter: 4)),
                kit.paragraph(text("争议事实与请求", "The dispute and the claim"), kit.label, after: 1.5, keepWithNext: true),
                kit.paragraph("{case.facts}", kit.body, after: 3),
                kit.paragraph(
                    text("经调解，双方自愿达成如下协议：", "Through mediation, the parties freely agree as follows:"), kit.label,
                    after: 1.5, keepWithNext: true),
                kit.paragraph("{agreement.terms}", kit.body, after: 2),
                .fields(
                    Block.FieldGrid(
                        columns: 2, labelWidth: language == .chinese ? 26 : 36,
                        fields: [
                            .init(text("支付金额", "Sum to be paid"), "{agreement.amount}"),
                            .init(text("履行期限", "To be done by"), "{agreement.performBy}"),
                        ],
                        labelStyle: kit.label, valueStyle: kit.value, labelFill: kit.labelFill, spaceAfter: 3)),
                kit.paragraph(
                    text(
                        "本协议经双方当事人签名或盖章、调解员签名并加盖调解组织印章后生效，对双方具有约束力。"
                            + "用人单位在约定期限内不履行支付劳动报酬、工伤医疗费、经济补偿或赔偿金的，"
                            + "劳动者可以持本协议书依法向人民法院申请支付令，也可以申请仲裁。",
                        "This agreement binds both parties once they have signed or sealed it and the mediator has "
                            + "signed it under the seal of the mediation organisation. If the employer does not pay "
                            + "wages, injury costs, compensation or damages by the day agreed, the worker may ask the "
                            + "people's court for a payment order with this agreement, or apply for arbitration."),
                    kit.small, after: 6),
                .fields(
                    Block.FieldGrid(
                        columns: 2, labelWidth: language == .chinese ? 30 : 40,
                        fields: [
                            .init(text("申请人（签名）", "Applicant (signature)"), ""),
                            .init(text("被申请人（盖章）", "Employer (seal)"), ""),
                            .init(text("调解员（签名）", "Mediator (signature)"), "{agreement.mediator}"),
                            .init(text("调解组织（印章）", "Mediation organisation (seal)"), "{office.name}"),
                        ],
                        labelStyle: kit.label, valueStyle: kit.value, labelFill: kit.labelFill, spaceAfter: 4)),
                kit.paragraph(
                    text(
                        "本协议一式三份，双方当事人和调解组织各执一份。",
                        "Made in three copies: one for each party and one for the organisation."),
                    kit.body),
                kit.verification(language, before: 8),
            ],
            footer: kit.a4Footer(language, verified: true)
        )
    }
}

extension DocumentTemplate {
    /// 受理通知书 or 不予受理通知书 of a labour dispute or petition, A4.
    public static func disputeNotice(_ language: DocumentLanguage) -> DocumentTemplate {
        let text = TemplateKit.localised(language)
        let kit = TemplateKit.self
        return DocumentTemplate(
            title: text("{notice.title} {case.number}", "{notice.title} {case.number}"),
            language: language,
            page: .a4,
            body: [
                kit.paragraph("{notice.title}", kit.documentTitle(language, englishSize: 16), after: 2),
                kit.paragraph(
                    text("案件编号：{case.number}", "Case no. {case.number}"), kit.small.with(alignment: .right), after: 4),
                kit.paragraph(text("{person.name}：", "To {person.name}:"), kit.body, after: 2),
                kit.paragraph(
                    text(
                        "你于{case.receivedOn}提出的与{case.employer}之间关于{case.matter}的申请，本机构已收悉。",
                        "The office received on {case.receivedOn} your application about {case.matter} against "
                            + "{case.employer}."),
                    kit.body, after: 2),
                kit.paragraph("{notice.decision}", kit.body, after: 2),
                kit.paragraph("{notice.next}", kit.body, after: 4),
                .fields(
                    Block.FieldGrid(
                        columns: 2, labelWidth: language == .chinese ? 26 : 36,
                        fields: [
                            .init(text("申请人", "Applicant"), "{person.name}"),
                            .init(text("身份证号码", "ID number"), "{person.maskedNumber}"),
                            .init(text("被申请人", "Employer"), "{case.employer}", span: 2),
                            .init(text("争议事项", "Matter"), "{case.matter}", span: 2),
                        ],
                        labelStyle: kit.label, valueStyle: kit.value, labelFill: kit.labelFill, spaceAfter: 5)),
                kit.paragraph(text("特此通知。", "This notice is given in writing."), kit.body),
                kit.verification(language, before: 10),
            ],
            footer: kit.a4Footer(language, verified: true)
        )
    }
}

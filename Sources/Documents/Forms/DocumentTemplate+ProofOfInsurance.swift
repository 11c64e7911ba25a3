import Vocabulary

extension DocumentTemplate {
    /// 参保证明 / Certificate of social insurance enrolment, A4.
    public static func proofOfInsurance(_ language: DocumentLanguage) -> DocumentTemplate {
        let text = TemplateKit.localised(language)
        let kit = TemplateKit.self
        return DocumentTemplate(
            title: text("社会保险参保证明 {issue.serial}", "Certificate of Social Insurance EnrolmentLine {issue.serial}"),
            language: language,
            page: .a4,
            body: [
                kit.paragraph(
                    text("社会保险参保证明", "Certificate of Social Insurance EnrolmentLine"),
                    kit.documentTitle(language), after: 2),
                kit.paragraph(
                    text("证明编号：{issue.serial}", "No. {issue.serial}"), kit.small.with(alignment: .right), after: 4),
                kit.paragraph(
                    text(
                        "兹证明下列人员在本经办机构参加社会保险，截至出具日期的参保情况如下：",
                        "This is to certify that the person below is enrolled in social insurance with this office, "
                            + "as follows on the date of issue:"),
                    kit.body, after: 3),
                .fields(
                    Block.FieldGrid(
                        columns: 2, labelWidth: language == .chinese ? 26 : 36,
                        fields: [
                            .init(text("姓名", "Name"), "{person.name}"),
                            .init(text("性别", "Sex"), "{person.sex}"),
                            .init(text("社会保障号码", "Social security no."), "{person.number}"),
                            .init(text("有效期至", "Valid until"), "{issue.validUntil}"),
                        ],
                        labelStyle: kit.label, valueStyle: kit.value, labelFill: kit.labelFill, spaceAfter: 5)),
                .table(
                    Block.Table(
                        source: "enrolments",
                        columns: language == .chinese
                            ? [
                                .init("index", "序号", width: 5, alignment: .center),
                                .init("insurance", "险种", width: 18.5),
                                .init("status", "参保状态", width: 10, alignment: .center),
                                .init("since", "参保起始", width: 11, alignment: .center),
                                .init("paidUntil", "缴费至", width: 11, alignment: .center),
                                .init("months", "累计月数", width: 8.5, alignment: .right),
                                // 13 characters to a line: most employers' names fit on one.
                                .init("employer", "参保单位", width: 23.5),
                            ]
                            : [
                                .init("index", "No.", width: 5, alignment: .center),
                                .init("insurance", "Scheme", width: 20),
                                .init("status", "Status", width: 13, alignment: .center),
                                .init("since", "Since", width: 9.5, alignment: .center),
                                .init("paidUntil", "Paid until", width: 10, alignment: .center),
                                .init("months", "Months", width: 8, alignment: .right),
                                .init("employer", "Employer", width: 22),
                            ],
                        headerStyle: kit.tableHeader, bodyStyle: kit.tableBody, headerFill: kit.headerFill,
                        emptyText: text("无参保记录", "No enrolment on record"), spaceAfter: 4)),
                kit.paragraph(text("特此证明。", "This certificate is issued at the person's request."), kit.body),
                kit.verification(language, before: 10),
            ],
            footer: kit.a4Footer(language, verified: true)
        )
    }
}

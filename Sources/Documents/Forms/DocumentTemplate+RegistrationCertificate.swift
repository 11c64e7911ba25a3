import Vocabulary

extension DocumentTemplate {
    /// 就业失业登记证明 / Certificate of employment and unemployment registration, A4.
    public static func registrationCertificate(_ language: DocumentLanguage) -> DocumentTemplate {
        let text = TemplateKit.localised(language)
        let kit = TemplateKit.self
        return DocumentTemplate(
            title: text("就业失业登记证明 {issue.serial}", "Certificate of Employment Registration {issue.serial}"),
            language: language,
            page: .a4,
            body: [
                kit.paragraph(
                    text("就业失业登记证明", "Certificate of Employment and Unemployment Registration"),
                    kit.documentTitle(language, englishSize: 16), after: 2),
                kit.paragraph(
                    text("证明编号：{issue.serial}", "No. {issue.serial}"), kit.small.with(alignment: .right), after: 4),
                kit.paragraph(
                    text(
                        "兹证明下列人员的就业失业登记情况如下，截至出具日期其登记状态为：{registration.status}。",
                        "This is to certify the employment and unemployment registrations of the person below. "
                            + "On the date of issue the person's status is: {registration.status}."),
                    kit.body, after: 3),
                .fields(
                    Block.FieldGrid(
                        columns: 2, labelWidth: language == .chinese ? 26 : 36,
                        fields: [
                            .init(text("姓名", "Name"), "{person.name}"),
                            .init(text("性别", "Sex"), "{person.sex}"),
                            .init(text("社会保障号码", "Social security no."), "{person.number}"),
                            .init(text("登记证号", "Registration no."), "{registration.number}"),
                            .init(text("登记地", "Registered at"), "{registration.residence}", span: 2),
                            .init(text("登记状态", "Status"), "{registration.status}", span: 2),
                        ],
                        labelStyle: kit.label, valueStyle: kit.value, labelFill: kit.labelFill, spaceAfter: 5)),
                kit.paragraph(text("登记记录", "Registrations"), kit.label, after: 1.5, keepWithNext: true),
                .table(
                    Block.Table(
                        source: "registrations",
                        columns: [
                            .init("index", text("序号", "No."), width: 5, alignment: .center),
                            .init(
                                "kind", text("登记类型", "Registration"), width: language == .chinese ? 13 : 16,
                                alignment: .center),
                            .init(
                                "date", text("登记日期", "Date"), width: language == .chinese ? 13 : 15, alignment: .center),
                            .init(
                                "detail", text("用工单位 / 失业原因", "Employer / reason"),
                                width: language == .chinese ? 28 : 25),
                            .init("office", text("经办机构", "Office"), width: 20),
                        ],
                        headerStyle: kit.tableHeader, bodyStyle: kit.tableBody, headerFill: kit.headerFill,
                        emptyText: text("无登记记录", "No registration on record"), spaceAfter: 4)),
                kit.paragraph(text("特此证明。", "This certificate is issued at the person's request."), kit.body),
                kit.verification(language, before: 10),
            ],
            footer: kit.a4Footer(language, verified: true)
        )
    }
}

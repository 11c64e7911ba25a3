extension DocumentTemplate {
    /// 受理回执 on A4, for the desk's laser printer.
    public static var applicationReceiptA4: DocumentTemplate {
        let kit = TemplateKit.self
        return DocumentTemplate(
            title: "受理回执 {application.number}",
            language: .chinese,
            page: .a4,
            body: [
                kit.paragraph("受理回执", kit.title, after: 2),
                kit.paragraph("回执编号：{issue.serial}", kit.small.with(alignment: .right), after: 4),
                kit.paragraph(
                    "{person.name}：\n　　您于{application.receivedAt}提交的“{application.service}”申请已受理，"
                        + "受理编号 {application.number}。承诺办结日期：{application.promisedBy}。"
                        + "请凭本回执或受理编号查询办理进度。",
                    kit.body, after: 4),
                .fields(
                    Block.FieldGrid(
                        columns: 2, labelWidth: 24,
                        fields: [
                            .init("受理编号", "{application.number}"),
                            .init("申请事项", "{application.service}"),
                            .init("申请人", "{person.name}"),
                            .init("证件号码", "{person.maskedNumber}"),
                            .init("受理时间", "{application.receivedAt}"),
                            .init("承诺办结", "{application.promisedBy}"),
                            .init("受理人", "{application.receivedBy}"),
                            .init("咨询电话", "{application.contactPhone}"),
                            .init("领取方式", "{application.collection}", span: 2),
                        ],
                        labelStyle: kit.label, valueStyle: kit.value, labelFill: kit.labelFill, spaceAfter: 5)),
                kit.paragraph("已收材料（{application.materialCount} 项）", kit.label, after: 1.5, keepWithNext: true),
                .table(
                    Block.Table(
                        source: "materials",
                        columns: [
                            .init("index", "序号", width: 1, alignment: .center),
                            .init("material", "材料名称", width: 11),
                        ],
                        headerStyle: kit.tableHeader, bodyStyle: kit.tableBody, headerFill: kit.headerFill,
                        emptyText: "未收取材料", spaceAfter: 4)),
                kit.paragraph(
                    "温馨提示：请妥善保管本回执；办理结果以经办机构通知为准。",
                    kit.small),
                kit.verification(.chinese, before: 10),
            ],
            footer: kit.a4Footer(.chinese, verified: true)
        )
    }

    /// 受理回执 on an 80 mm thermal roll: one column of label and value lines, the page as long as
    /// the receipt.
    public static var applicationReceiptRoll: DocumentTemplate {
        let kit = TemplateKit.self
        let line = TextStyle(font: TextStyle.sans, size: 8.5, color: .black, lineSpacing: 1.3)
        let lines = [
            "受理编号：{application.number}",
            "申请事项：{application.service}",
            "申 请 人：{person.name}",
            "证件号码：{person.maskedNumber}",
            "受理时间：{application.receivedAt}",
            "承诺办结：{application.promisedBy}",
            "领取方式：{application.collection}",
            "受 理 人：{application.receivedBy}",
        ]
        return DocumentTemplate(
            title: "受理回执 {application.number}",
            language: .chinese,
            page: .receiptRoll,
            body: [
                kit.paragraph(
                    "受理回执",
                    TextStyle(
                        font: TextStyle.sans, size: 14, bold: true, alignment: .center,
                        letterSpacing: 2), after: 1),
                kit.paragraph("{office.name}", line.with(size: 7.5, alignment: .center)),
                .rule(Block.Rule(thickness: 0.6, spacing: 1.5)),
            ] + lines.map { kit.paragraph($0, line, after: 0.6) } + [
                .rule(Block.Rule(thickness: 0.6, spacing: 1.5)),
                kit.paragraph(
                    "已收材料（{application.materialCount} 项）", line.with(bold: true), after: 1, keepWithNext: true),
                .table(
                    Block.Table(
                        source: "materials",
                        columns: [
                            .init("index", "序号", width: 1.4, alignment: .center),
                            .init("material", "材料名称", width: 8),
                        ],
                        headerStyle: line.with(size: 8, bold: true, alignment: .center),
                        bodyStyle: line.with(size: 8), emptyText: "未收取材料")),
                .rule(Block.Rule(thickness: 0.6, spacing: 1.5)),
                .verification(
                    Block.Verification(
                        qrSize: 30, text: "验证码\n{verification.code}\n扫码或凭验证码核验本回执、查询办理进度。",
                        style: TextStyle(font: TextStyle.sans, size: 7.5, lineSpacing: 1.3), minimumModule: 0.3)),
                kit.paragraph(
                    "咨询电话：{application.contactPhone}\n打印时间：{issue.dateTime}\n回执编号：{issue.serial}",
                    line.with(size: 7, color: kit.muted), before: 1.5),
            ]
        )
    }
}

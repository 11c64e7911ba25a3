extension DocumentTemplate {
    /// 窗口业务台账: the day's ledger of a desk, A4 landscape, numbers masked.
    public static var dailyLedger: DocumentTemplate {
        let kit = TemplateKit.self
        return DocumentTemplate(
            title: "业务台账 {ledger.desk} {ledger.date}",
            language: .chinese,
            page: .a4Landscape,
            header: [
                kit.paragraph("{office.name}　业务台账　{ledger.desk}　{ledger.date}", kit.small.with(alignment: .right)),
                .rule(Block.Rule(thickness: 0.4, color: kit.muted, spacing: 1)),
                .spacer(2),
            ],
            body: [
                kit.paragraph("窗口业务台账", kit.title.with(size: 18), after: 4),
                .fields(
                    Block.FieldGrid(
                        columns: 3, labelWidth: 22,
                        fields: [
                            .init("经办机构", "{office.name}"),
                            .init("窗口", "{ledger.desk}"),
                            .init("日期", "{ledger.date}"),
                            .init("办理情况", "{ledger.summary}", span: 3),
                        ],
                        labelStyle: kit.label, valueStyle: kit.value, labelFill: kit.labelFill, spaceAfter: 4)),
                .table(
                    Block.Table(
                        source: "entries",
                        columns: [
                            .init("index", "序号", width: 4, alignment: .center),
                            .init("time", "时间", width: 5, alignment: .center),
                            .init("serial", "业务流水号", width: 15),
                            .init("service", "业务类型", width: 14),
                            .init("name", "姓名", width: 9),
                            .init("number", "证件号码", width: 15, alignment: .center),
                            .init("outcome", "办理结果", width: 7, alignment: .center),
                            .init("clerk", "经办人", width: 6, alignment: .center),
                            .init("note", "备注", width: 14),
                        ],
                        headerStyle: kit.tableHeader, bodyStyle: kit.tableBody, headerFill: kit.headerFill,
                        stripeFill: kit.stripeFill,
                        totals: Block.Table.Totals(label: "合计 {count} 笔", labelColumn: "serial", sums: []),
                        emptyText: "本日无业务", spaceAfter: 4, keepWithNext: true)),
                kit.paragraph(
                    "经办人（签字）：＿＿＿＿＿＿＿＿　　　复核人（签字）：＿＿＿＿＿＿＿＿　　　日期：＿＿＿＿＿＿＿＿",
                    kit.body, before: 4, after: 2, keepWithNext: true),
                kit.verification(.chinese, qrSize: 26, before: 4, signed: false),
            ],
            footer: kit.a4Footer(.chinese, verified: true)
        )
    }
}

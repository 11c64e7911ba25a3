extension DocumentTemplate {
    /// 窗口业务台账: a desk's register of a day or a month, of every service or one, A4 landscape,
    /// numbers masked.
    public static var businessRegister: DocumentTemplate {
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
                kit.paragraph("{ledger.title}", kit.title.with(size: 18), after: 4),
                .fields(
                    Block.FieldGrid(
                        columns: 3, labelWidth: 22,
                        fields: [
                            .init("经办机构", "{office.name}"),
                            .init("窗口", "{ledger.desk}"),
                            .init("期间", "{ledger.date}"),
                            .init("事项", "{ledger.service}", span: 3),
                            .init("办理情况", "{ledger.summary}", span: 3),
                        ],
                        labelStyle: kit.label, valueStyle: kit.value, labelFill: kit.labelFill, spaceAfter: 4)),
                .table(
                    Block.Table(
                        source: "entries",
                        columns: [
                            .init("index", "序号", width: 4, alignment: .center),
                            .init("time", "受理时间", width: 8, alignment: .center),
                            .init("serial", "业务流水号", width: 12),
                            .init("service", "业务类型", width: 13),
                            .init("name", "姓名", width: 7),
                            .init("number", "证件号码", width: 14, alignment: .center),
                            .init("outcome", "办理结果", width: 8, alignment: .center),
                            .init("clerk", "受理人", width: 6, alignment: .center),
                            .init("owner", "负责人", width: 6, alignment: .center),
                            .init("done", "办结时间", width: 8, alignment: .center),
                            .init("note", "备注", width: 9),
                        ],
                        headerStyle: kit.tableHeader, bodyStyle: kit.tableBody, headerFill: kit.headerFill,
                        stripeFill: kit.stripeFill,
                        totals: Block.Table.Totals(label: "合计 {count} 笔", labelColumn: "serial", sums: []),
                        emptyText: "本期无业务", spaceAfter: 4, keepWithNext: true)),
                kit.paragraph(
                    "经办人（签字）：＿＿＿＿＿＿＿＿　　　复核人（签字）：＿＿＿＿＿＿＿＿　　　日期：＿＿＿＿＿＿＿＿",
                    kit.body, before: 4, after: 2, keepWithNext: true),
                kit.verification(.chinese, qrSize: 26, before: 4, signed: false),
            ],
            footer: kit.a4Footer(.chinese, verified: true)
        )
    }
}

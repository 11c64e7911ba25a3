extension DocumentTemplate {
    /// 社会保险个人缴费明细 / Statement of social insurance contributions, A4, as many pages as the
    /// records need: the person on every page, the table's header repeated, totals at the end.
    public static func contributionStatement(_ language: DocumentLanguage) -> DocumentTemplate {
        let text = TemplateKit.localised(language)
        let kit = TemplateKit.self
        return DocumentTemplate(
            title: text("社会保险个人缴费明细 {issue.serial}", "Statement of Social Insurance Contributions {issue.serial}"),
            language: language,
            page: .a4,
            header: [
                kit.paragraph(
                    text(
                        "社会保险个人缴费明细　{person.name}　{person.maskedNumber}",
                        "Statement of contributions  {person.name}  {person.maskedNumber}"),
                    kit.small.with(alignment: .right)),
                .rule(Block.Rule(thickness: 0.4, color: kit.muted, spacing: 1)),
                .spacer(2),
            ],
            body: [
                kit.paragraph(
                    text("社会保险个人缴费明细", "Statement of Social Insurance Contributions"),
                    kit.documentTitle(language), after: 4),
                .fields(
                    Block.FieldGrid(
                        columns: 2, labelWidth: language == .chinese ? 26 : 36,
                        fields: [
                            .init(text("姓名", "Name"), "{person.name}"),
                            .init(text("社会保障号码", "Social security no."), "{person.number}"),
                            .init(text("查询期间", "Period"), "{period}"),
                            .init(text("记录条数", "Records"), "{count}"),
                            .init(text("单位缴纳合计", "Employer total"), "{total.employer}"),
                            .init(text("个人缴纳合计", "Personal total"), "{total.personal}"),
                        ],
                        labelStyle: kit.label, valueStyle: kit.value, labelFill: kit.labelFill, spaceAfter: 4)),
                kit.paragraph(text("金额单位：元", "Amounts in yuan (CNY)"), kit.small.with(alignment: .right), after: 1),
                .table(
                    Block.Table(
                        source: "contributions",
                        columns: language == .chinese
                            ? [
                                .init("index", "序号", width: 6, alignment: .center),
                                .init("month", "费款所属期", width: 12, alignment: .center),
                                .init("insurance", "险种", width: 22),
                                .init("base", "缴费基数", width: 12, alignment: .right),
                                .init("employer", "单位缴纳", width: 12, alignment: .right),
                                .init("personal", "个人缴纳", width: 12, alignment: .right),
                                .init("status", "到账情况", width: 9, alignment: .center),
                            ]
                            : [
                                .init("index", "No.", width: 5, alignment: .center),
                                .init("month", "Month", width: 10, alignment: .center),
                                .init("insurance", "Scheme", width: 31),
                                .init("base", "Base", width: 11, alignment: .right),
                                .init("employer", "Employer", width: 11, alignment: .right),
                                .init("personal", "Personal", width: 11, alignment: .right),
                                .init("status", "Status", width: 8, alignment: .center),
                            ],
                        headerStyle: kit.tableHeader, bodyStyle: kit.tableBody, headerFill: kit.headerFill,
                        stripeFill: kit.stripeFill,
                        totals: Block.Table.Totals(
                            label: text("合计（{count} 条）", "Total ({count})"), labelColumn: "insurance",
                            sums: ["employer", "personal"]),
                        emptyText: text("本期间无缴费记录", "No contributions on record in this period"), spaceAfter: 3,
                        keepWithNext: true)),
                kit.paragraph(
                    text(
                        "说明：本明细按社会保险经办机构截至出具日期的记录打印。",
                        "Note: printed from the social insurance office's records on the date of issue."),
                    kit.small, keepWithNext: true),
                kit.verification(language, before: 6),
            ],
            footer: kit.a4Footer(language, verified: true)
        )
    }
}

extension DocumentTemplate {
    /// 城乡居民养老保险个人账户对账单 / Statement of the residents' pension personal account, A4.
    public static func pensionAccountStatement(_ language: DocumentLanguage) -> DocumentTemplate {
        let text = TemplateKit.localised(language)
        let kit = TemplateKit.self
        return DocumentTemplate(
            title: text("城乡居民养老保险个人账户对账单 {issue.serial}", "Residents' Pension Account Statement {issue.serial}"),
            language: language,
            page: .a4,
            body: [
                kit.paragraph(
                    text("城乡居民养老保险个人账户对账单", "Residents' Pension Personal Account Statement"),
                    kit.documentTitle(language, englishSize: 16), after: 4),
                .fields(
                    Block.FieldGrid(
                        columns: 2, labelWidth: language == .chinese ? 26 : 36,
                        fields: [
                            .init(text("姓名", "Name"), "{person.name}"),
                            .init(text("社会保障号码", "Social security no."), "{person.number}"),
                            .init(text("累计缴费月数", "Months paid"), "{account.months}"),
                            .init(text("账户余额（不含利息）", "Balance (no interest)"), "{account.balance}"),
                        ],
                        labelStyle: kit.label, valueStyle: kit.value, labelFill: kit.labelFill, spaceAfter: 4)),
                kit.paragraph(text("金额单位：元", "Amounts in yuan (CNY)"), kit.small.with(alignment: .right), after: 1),
                .table(
                    Block.Table(
                        source: "years",
                        columns: [
                            .init("year", text("年度", "Year"), width: 12, alignment: .center),
                            .init("months", text("缴费月数", "Months"), width: 12, alignment: .center),
                            .init("personal", text("个人缴费", "Paid"), width: 18, alignment: .right),
                            .init("subsidy", text("政府补贴", "Subsidy"), width: 18, alignment: .right),
                            .init("balance", text("年末累计", "Balance"), width: 18, alignment: .right),
                        ],
                        headerStyle: kit.tableHeader, bodyStyle: kit.tableBody, headerFill: kit.headerFill,
                        stripeFill: kit.stripeFill,
                        emptyText: text("无缴费记录", "No payment on record"), spaceAfter: 3, keepWithNext: true)),
                kit.paragraph(
                    text(
                        "说明：政府补贴按县（区）公布的缴费档次计入；账户利息由社会保险经办机构每年记入，本单不含利息。",
                        "Note: the subsidy follows the county's published grades; interest is credited by the social "
                            + "insurance office once a year and is not included here."),
                    kit.small, keepWithNext: true),
                kit.verification(language, before: 6),
            ],
            footer: kit.a4Footer(language, verified: true)
        )
    }
}

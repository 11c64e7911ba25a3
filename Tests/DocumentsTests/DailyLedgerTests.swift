import Documents
import TestSupport
import Testing

@Suite struct DailyLedgerTests {
    @Test func ledgerIsLandscapeA4WithMaskedNumbersCountsAndRepeatedHeader() async throws {
        let ledger = Fixtures.ledger(entries: 60)
        let rendered = try Fixtures.renderer.render(ledger)
        let pdf = try await CheckedPDF(rendered, name: "ledger", width: Paper.a4Long, height: Paper.a4Short)
        #expect(rendered.pageCount >= 2)
        pdf.expectText([
            "窗口业务台账", "芙蓉区政务服务中心03号窗口", "共60笔：办结36笔，受理待办12笔，退回补正12笔", "合计60笔",
            "欧阳晓明", "缺户口簿复印件", "经办人（签字）",
        ])
        #expect(pdf.text.contains("4301**********0011"))
        #expect(!pdf.text.contains("430102198001010011"), "the ledger never holds a full ID number")
        for page in 1...rendered.pageCount {
            let text = try await Poppler.text(of: pdf.path, first: page, last: page)
            #expect(text.contains("业务流水号") && text.contains("第\(page)页/共\(rendered.pageCount)页"))
        }
    }

    @Test func aDayWithoutBusinessSaysSo() async throws {
        let pdf = try await CheckedPDF(
            try Fixtures.renderer.render(Fixtures.ledger(entries: 0)), name: "ledger-empty", width: Paper.a4Long)
        pdf.expectText(["本日无业务", "共0笔"])
    }
}

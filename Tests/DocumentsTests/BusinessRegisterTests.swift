import Documents
import TestSupport
import Testing

@Suite struct BusinessRegisterTests {
    @Test func ledgerIsLandscapeA4WithMaskedNumbersCountsAndRepeatedHeader() async throws {
        let ledger = Fixtures.ledger(entries: 60)
        let rendered = try Fixtures.renderer.render(ledger)
        let pdf = try await CheckedPDF(rendered, name: "ledger", width: Paper.a4Long, height: Paper.a4Short)
        #expect(rendered.pageCount >= 2)
        pdf.expectText([
            "窗口业务日台账", "芙蓉区政务服务中心03号窗口", "共60笔：按时办结36笔，受理待办12笔，退回补正12笔", "合计60笔",
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
        pdf.expectText(["本期无业务", "共0笔"])
    }

    @Test func aMonthsRegisterOfOneServiceSaysWhoAndWhenAndWhetherInTime() async throws {
        let day = Fixtures.ledger(entries: 0).issuance.issuedAt
        let holder = DocumentHolder(name: "王伟", socialSecurityNumber: "430102198001010011")
        let entries = [
            LedgerLine(
                time: day.addingTimeInterval(-3 * 86_400), serialNumber: "T-1-1", service: "社会保障卡申领",
                applicant: holder, outcome: .completedLate, clerk: "张敏", owner: "李强",
                completedAt: day.addingTimeInterval(-86_400)),
            LedgerLine(
                time: day, serialNumber: "T-1-2", service: "社会保障卡申领", applicant: holder, outcome: .late,
                clerk: "张敏", owner: "李强"),
        ]
        let register = BusinessRegister(
            desk: "芙蓉区政务服务中心 03 号窗口", period: .month(year: 2025, month: 3), service: "社会保障卡申领",
            entries: entries, issuance: Fixtures.ledger(entries: 0).issuance)
        let pdf = try await CheckedPDF(
            try Fixtures.renderer.render(register), name: "register-month", width: Paper.a4Long, height: Paper.a4Short)
        pdf.expectText([
            "窗口业务月台账（社会保障卡申领）", "2025年3月", "共2笔：超时办结1笔，超时未办结1笔", "负责人", "李强",
            "03-13",
        ])
        #expect(!pdf.text.contains("430102198001010011"))
    }
}

import Documents
import TestSupport
import Testing

@Suite struct ApplicationReceiptTests {
    @Test func a4ReceiptNamesTheApplicationAndItsMaterials() async throws {
        let receipt = Fixtures.receipt(.a4)
        let rendered = try Fixtures.renderer.render(receipt)
        let pdf = try await CheckedPDF(rendered, name: "receipt-a4", width: Paper.a4Short, height: Paper.a4Long)
        pdf.expectText(
            [
                "受理回执", "SB20250314-0042", "社会保障卡申领（第三代）", "王建国", "4301**********1236", "2025年3月14日10:30",
                "2025年3月28日", "已收材料（3项）", "0731-12333",
            ] + receipt.materials)
        #expect(!pdf.text.contains("430102198503071236"), "a receipt prints the number masked")
    }

    @Test func rollReceiptIsEightyMillimetresWideAndAsLongAsItsContent() async throws {
        let short = try Fixtures.renderer.render(Fixtures.receipt(.roll80mm))
        let pdf = try await CheckedPDF(short, name: "receipt-roll", width: Paper.rollWidth)
        #expect(short.pageCount == 1)
        pdf.expectText([
            "受理回执", "SB20250314-0042", "王建国", "4301**********1236", "社会保障卡申领登记表",
            short.verification!.verificationCode,
        ])

        var long = Fixtures.receipt(.roll80mm)
        long.materials += (1...10).map { "补充材料第\($0)项" }
        let longer = try Fixtures.renderer.render(long)
        #expect(longer.pageCount == 1)
        #expect(longer.pageHeight > short.pageHeight + 10 * 10)
        #expect(try await Poppler.text(of: TestOutput.save(longer.pdf, as: "receipt-roll-long")).contains("补充材料第10项"))
    }
}

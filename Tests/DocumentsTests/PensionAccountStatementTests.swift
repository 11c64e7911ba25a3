import Documents
import Testing

@Suite struct PensionAccountStatementTests {
    @Test func listsEachYearWithItsSubsidyAndTheBalanceWithoutInterest() async throws {
        let statement = PensionAccountStatement(
            person: Fixtures.person,
            years: [
                .init(
                    year: 2024, monthsPaid: 12, personal: Money(yuan: 500), subsidy: Money(yuan: 60),
                    balance: Money(yuan: 560)),
                .init(
                    year: 2023, monthsPaid: 12, personal: Money(yuan: 300), subsidy: Money(yuan: 30),
                    balance: Money(yuan: 330)),
            ],
            monthsPaid: 24, balance: Money(yuan: 890), issuance: Fixtures.issuance())
        let rendered = try Fixtures.renderer.render(statement)
        let pdf = try await CheckedPDF(rendered, name: "pension-account", width: Paper.a4Short, height: Paper.a4Long)
        pdf.expectText(["城乡居民养老保险个人账户对账单", "王建国", "24", "890.00", "560.00", "不含利息"])
        let earlier = try #require(pdf.text.range(of: "2023"))
        let later = try #require(pdf.text.range(of: "2024"))
        #expect(earlier.lowerBound < later.lowerBound, "the years in order")
        let payload = try Fixtures.verifier.verify(try #require(rendered.verification))
        #expect(payload.kind == .pensionAccountStatement && payload.facts == ["m": "24", "b": "89000"])
    }
}

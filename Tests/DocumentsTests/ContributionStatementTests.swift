import Documents
import Foundation
import TestSupport
import Testing

@Suite struct ContributionStatementTests {
    @Test func threeHundredRowsRunOverPagesWithHeaderAndNumbersOnEachAndTheRightTotals() async throws {
        let statement = Fixtures.statement(months: 100)
        #expect(statement.records.count == 300)
        let rendered = try Fixtures.renderer.render(statement)
        let pdf = try await CheckedPDF(rendered, name: "statement-300", width: Paper.a4Short, height: Paper.a4Long)
        #expect(rendered.pageCount >= 5)

        for page in 1...rendered.pageCount {
            let text = try await Poppler.text(of: pdf.path, first: page, last: page)
            for expected in [
                "社会保险个人缴费明细", "王建国", "4301**********1236", "费款所属期", "单位缴纳", "个人缴纳",
                "第\(page)页/共\(rendered.pageCount)页",
            ] {
                #expect(text.contains(expected), "page \(page) lacks \(expected)")
            }
        }
        // The totals, added here with plain integers: the engine adds Money in fen on its own.
        let employer = statement.records.reduce(Int64(0)) { $0 + $1.employerPart.fen }
        let personal = statement.records.reduce(Int64(0)) { $0 + $1.personalPart.fen }
        let totals = try await Poppler.words(of: pdf.path, page: rendered.pageCount).line(containing: "合计")
        #expect(totals == "合计（300条）" + Money(fen: employer).formatted + Money(fen: personal).formatted)
        pdf.expectText(["2000年01月至2008年04月", "补缴", "已到账"])
        // Every row is printed once: the last row number appears, one past it does not.
        #expect(pdf.text.contains("3002008年04月") && !pdf.text.contains("3012008"))
    }

    @Test func anEmptyStatementSaysNoRecordsAndHasNoTotalsRow() async throws {
        let rendered = try Fixtures.renderer.render(Fixtures.statement(months: 0))
        let pdf = try await CheckedPDF(rendered, name: "statement-empty", width: Paper.a4Short, height: Paper.a4Long)
        #expect(rendered.pageCount == 1)
        pdf.expectText(["本期间无缴费记录"])
        #expect(!pdf.text.contains("合计（"))
    }

    @Test func aTwoHundredPageStatementRenders() async throws {
        let statement = Fixtures.statement(months: 2_400)
        let start = ContinuousClock.now
        let rendered = try Fixtures.renderer.render(statement)
        let elapsed = ContinuousClock.now - start
        print("statement of \(statement.records.count) rows, \(rendered.pageCount) pages: \(elapsed)")
        #expect(rendered.pageCount >= 200)
        let path = try TestOutput.save(rendered.pdf, as: "statement-200-pages")
        #expect(try await Poppler.info(of: path).pages == rendered.pageCount)
        let last = try await Poppler.text(of: path, first: rendered.pageCount, last: rendered.pageCount)
        #expect(last.contains("合计（7200条）"))
        #expect(last.contains("第\(rendered.pageCount)页/共\(rendered.pageCount)页"))
    }

    @Test func englishStatementFormatsMonthsAndAmountsTheSameWay() async throws {
        let statement = Fixtures.statement(months: 2, language: .english)
        let pdf = try await CheckedPDF(
            try Fixtures.renderer.render(statement), name: "statement-en", width: Paper.a4Short, height: Paper.a4Long)
        let (employer, personal) = try statement.totals()
        pdf.expectText([
            "Statement of Social Insurance Contributions", "Jan 2000 to Feb 2000", "Total (6)", employer.formatted,
            personal.formatted, "Unemployment insurance",
        ])
    }
}

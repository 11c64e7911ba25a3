import Documents
import Foundation
import TestSupport
import Testing

@Suite struct ProofOfInsuranceTests {
    @Test func chineseProofIsOneA4PageWithThePersonAndEveryScheme() async throws {
        let proof = Fixtures.proof()
        let rendered = try Fixtures.renderer.render(proof)
        let pdf = try await CheckedPDF(rendered, name: "proof-of-insurance", width: Paper.a4Short, height: Paper.a4Long)
        #expect(rendered.pageCount == 1)
        pdf.expectText([
            "社会保险参保证明", "王建国", "430102198503071236", "长沙市芙蓉区人力资源和社会保障局", "2025年3月14日",
            "参保状态", "参保缴费", "暂停缴费", "湖南星沙机械制造有限公司", "第1页/共1页",
            rendered.verification!.verificationCode,
        ])
        for enrolment in proof.enrolments { pdf.expectText([enrolment.insurance.chineseName]) }
    }

    @Test func englishProofUsesEnglishLabelsAndTheLatinName() async throws {
        let rendered = try Fixtures.renderer.render(Fixtures.proof(.english))
        let pdf = try await CheckedPDF(
            rendered, name: "proof-of-insurance-en", width: Paper.a4Short, height: Paper.a4Long)
        pdf.expectText([
            "Certificate of Social Insurance EnrolmentLine", "Wang Jianguo (王建国)",
            "Basic pension insurance for enterprise employees", "Contributing", "Suspended", "Jul 2008",
            "Furong District Human Resources and Social Security Bureau", "14 March 2025", "Page 1 of 1",
        ])
        #expect(!pdf.text.contains("参保证明"))
    }

    /// A name longer than its field wraps inside the field's cell, the row growing: every character
    /// is printed, none runs into the next field or under the row below.
    @Test func aNameTooLongForItsFieldWrapsInsideItsCell() async throws {
        let name = "阿卜杜热合曼·买买提依明·艾力库尔班·吐尔逊托合提·阿不都热西提"
        func layout(_ name: String) async throws -> (
            words: [Poppler.Word], label: Poppler.Word, sex: Poppler.Word,
            below: Poppler.Word
        ) {
            let path = try TestOutput.save(
                try Fixtures.renderer.render(Fixtures.proof(name: name)).pdf, as: "proof-\(name.count)")
            let words = try await Poppler.words(of: path)
            let find = { (text: String) in try #require(words.first { $0.text == text }) }
            return (words, try find("姓名"), try find("性别"), try find("社会保障号码"))
        }
        let short = try await layout("王建国")
        let long = try await layout(name)
        let cell = long.words.filter {
            $0.xMin > long.label.xMax && $0.xMax < long.sex.xMin && $0.yMin > long.label.yMin - 20
                && $0.yMax < long.below.yMin
        }
        #expect(cell.map(\.text).joined() == name, "the name's cell holds \(cell.map(\.text))")
        #expect(Set(cell.map { Int($0.yMin) }).count >= 2, "the name takes more than one line")
        #expect(
            long.below.yMin - long.label.yMin > short.below.yMin - short.label.yMin + 5, "the row grew to hold it")
    }

    @Test func anEmptyEnrolmentListSaysSo() async throws {
        var proof = Fixtures.proof()
        proof.enrolments = []
        let pdf = try await CheckedPDF(try Fixtures.renderer.render(proof), name: "proof-empty", width: Paper.a4Short)
        pdf.expectText(["无参保记录"])
    }
}

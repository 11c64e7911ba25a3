import Documents
import Foundation
import Testing

@Suite struct ProofOfInsuranceTests {
    @Test func chineseProofIsOneA4PageWithThePersonAndEveryScheme() throws {
        let proof = Fixtures.proof()
        let rendered = try Fixtures.renderer.render(proof)
        let pdf = try CheckedPDF(rendered, name: "proof-of-insurance", width: Paper.a4Short, height: Paper.a4Long)
        #expect(rendered.pageCount == 1)
        pdf.expectText([
            "社会保险参保证明", "王建国", "430102198503071236", "长沙市芙蓉区人力资源和社会保障局", "2025年3月14日",
            "参保状态", "参保缴费", "暂停缴费", "湖南星沙机械制造有限公司", "第1页/共1页",
            rendered.verification!.verificationCode,
        ])
        for enrolment in proof.enrolments { pdf.expectText([enrolment.insurance.name(.chinese)]) }
    }

    @Test func englishProofUsesEnglishLabelsAndTheLatinName() throws {
        let rendered = try Fixtures.renderer.render(Fixtures.proof(.english))
        let pdf = try CheckedPDF(rendered, name: "proof-of-insurance-en", width: Paper.a4Short, height: Paper.a4Long)
        pdf.expectText([
            "Certificate of Social Insurance Enrolment", "Wang Jianguo (王建国)",
            "Basic pension insurance for enterprise employees", "Contributing", "Suspended", "Jul 2008",
            "Furong District Human Resources and Social Security Bureau", "14 March 2025", "Page 1 of 1",
        ])
        #expect(!pdf.text.contains("参保证明"))
    }

    @Test func anEmptyEnrolmentListSaysSo() throws {
        var proof = Fixtures.proof()
        proof.enrolments = []
        let pdf = try CheckedPDF(try Fixtures.renderer.render(proof), name: "proof-empty", width: Paper.a4Short)
        pdf.expectText(["无参保记录"])
    }
}

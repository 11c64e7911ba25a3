import Documents
import Testing

@Suite struct DisputeDocumentTests {
    static let dispute = DisputeCase(
        number: "T430102-01-D7", applicant: Fixtures.person, employer: "长沙星沙建筑劳务有限公司",
        employerDetails: "91430121MA4L0X1234", matter: "拖欠劳动报酬", facts: "2025年1月至2月工资未发，请求支付",
        receivedOn: CalendarDate(year: 2025, month: 3, day: 3)!)

    @Test func anAcceptanceNoticeSaysTheDayItWillBeConcludedAndARefusalItsReason() async throws {
        let accepted = DisputeNotice(
            dispute: Self.dispute, decision: .accepted(settleBy: CalendarDate(year: 2025, month: 3, day: 18)!),
            issuance: Fixtures.issuance())
        let rendered = try Fixtures.renderer.render(accepted)
        let pdf = try await CheckedPDF(rendered, name: "dispute-notice", width: Paper.a4Short, height: Paper.a4Long)
        pdf.expectText(["受理通知书", "王建国", "长沙星沙建筑劳务有限公司", "拖欠劳动报酬", "2025年3月18日前办结", "4301**********1236"])
        #expect(!pdf.text.contains("430102198503071236"), "a notice masks the number")
        let payload = try Fixtures.verifier.verify(try #require(rendered.verification))
        #expect(payload.kind == .disputeNotice && payload.facts == ["c": "T430102-01-D7", "d": "A"])

        let declined = DisputeNotice(
            dispute: Self.dispute, decision: .declined(reason: "已申请仲裁"), issuance: Fixtures.issuance())
        let refusal = try await CheckedPDF(
            try Fixtures.renderer.render(declined), name: "dispute-refusal", width: Paper.a4Short, height: Paper.a4Long)
        refusal.expectText(["不予受理通知书", "理由：已申请仲裁", "申请仲裁"])
    }

    @Test func aMediationAgreementNamesThePartiesTheTermsTheSumAndTheSignatureLines() async throws {
        let agreement = MediationAgreement(
            dispute: Self.dispute, terms: "被申请人于3月31日前支付工资9,000元", amount: Money(yuan: 9_000),
            performBy: CalendarDate(year: 2025, month: 3, day: 31)!, mediator: "调解员甲", issuance: Fixtures.issuance())
        let rendered = try Fixtures.renderer.render(agreement)
        let pdf = try await CheckedPDF(
            rendered, name: "mediation-agreement", width: Paper.a4Short, height: Paper.a4Long)
        pdf.expectText([
            "劳动争议调解协议书", "王建国", "430102198503071236", "长沙星沙建筑劳务有限公司", "91430121MA4L0X1234",
            "¥9,000.00", "2025年3月31日", "申请人（签名）", "被申请人（盖章）", "调解员甲", "支付令",
        ])
        let payload = try Fixtures.verifier.verify(try #require(rendered.verification))
        #expect(payload.kind == .mediationAgreement && payload.facts["a"] == "900000")
    }
}

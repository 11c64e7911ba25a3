import Documents
import Testing

@Suite struct RegistrationCertificateTests {
    @Test func listsTheStatusAndEveryRegistrationInDateOrder() async throws {
        var certificate = Fixtures.registration()
        certificate.records.reverse()
        let rendered = try Fixtures.renderer.render(certificate)
        let pdf = try await CheckedPDF(rendered, name: "registration", width: Paper.a4Short, height: Paper.a4Long)
        pdf.expectText([
            "就业失业登记证明", "李秀英", "430104199211230028", "4301040000123456", "湖南省长沙市岳麓区望月湖街道",
            "失业（已登记）", "就业登记", "失业登记", "长沙岳麓山文化传媒有限公司", "合同到期未续签，有就业意愿",
        ])
        let employment = try #require(pdf.text.range(of: "2015年7月1日"))
        let unemployment = try #require(pdf.text.range(of: "2024年12月9日"))
        #expect(employment.lowerBound < unemployment.lowerBound)
    }

    @Test func englishCertificate() async throws {
        let pdf = try await CheckedPDF(
            try Fixtures.renderer.render(Fixtures.registration(.english)), name: "registration-en",
            width: Paper.a4Short, height: Paper.a4Long)
        pdf.expectText([
            "Certificate of Employment and Unemployment Registration", "Unemployment registered", "Employment ended",
            "9 December 2024",
        ])
    }
}

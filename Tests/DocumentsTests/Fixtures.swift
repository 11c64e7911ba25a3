@preconcurrency import Crypto
import Documents
import Foundation
import TestSupport
import Vocabulary

/// Synthetic people and documents: made-up names, ID numbers with a valid GB 11643 check character
/// built from real county codes, nobody real.
enum Fixtures {
    static let signer = Ed25519Signer(keyID: "T430102-01-2025", privateKey: Curve25519.Signing.PrivateKey())
    static let renderer = DocumentRenderer(signer: signer)
    static let verifier = DocumentVerifier(trustedKeys: [signer.keyID: signer.publicKey])

    /// 2025-03-14 10:30 in China.
    static let issuedAt = Date(timeIntervalSince1970: 1_741_919_400)
    static let office = Office(
        code: "430102-01", name: "长沙市芙蓉区人力资源和社会保障局",
        englishName: "Furong District Human Resources and Social Security Bureau, Changsha")

    static func issuance(_ serial: String = "T430102-01-000123") -> DocumentIssuance {
        DocumentIssuance(
            serialNumber: serial, office: office, issuedAt: issuedAt,
            validUntil: CalendarDate(year: 2025, month: 6, day: 14))
    }

    static let person = DocumentHolder(
        name: "王建国", socialSecurityNumber: "430102198503071236", sex: .male, latinName: "Wang Jianguo")

    static func month(_ year: Int, _ month: Int) -> YearMonth { YearMonth(year: year, month: month)! }

    static let enrolments = [
        EnrolmentLine(
            insurance: .enterprisePension, status: .contributing, since: month(2008, 7), paidUntil: month(2025, 2),
            monthsPaid: 200, employer: "湖南星沙机械制造有限公司"),
        EnrolmentLine(
            insurance: .employeeMedical, status: .contributing, since: month(2008, 7), paidUntil: month(2025, 2),
            monthsPaid: 200, employer: "湖南星沙机械制造有限公司"),
        EnrolmentLine(
            insurance: .unemployment, status: .contributing, since: month(2010, 1), paidUntil: month(2025, 2),
            monthsPaid: 182, employer: "湖南星沙机械制造有限公司"),
        EnrolmentLine(
            insurance: .workInjury, status: .suspended, since: month(2010, 1), paidUntil: month(2019, 12),
            monthsPaid: 120, employer: nil),
    ]

    static func proof(_ language: DocumentLanguage = .chinese, name: String? = nil) -> ProofOfInsurance {
        var person = person
        if let name { person.name = name }
        return ProofOfInsurance(person: person, enrolments: enrolments, issuance: issuance(), language: language)
    }
}

extension Fixtures {
    /// Three years of monthly pension, medical and unemployment contributions, then `extra` more
    /// months to make long statements; amounts vary so that totals test every digit.
    static func contributions(months: Int) -> [ContributionRecord] {
        var records: [ContributionRecord] = []
        var current = month(2000, 1)
        for index in 0..<months {
            let base = Money(fen: 450_000 + Int64(index % 37) * 1_237)
            for (insurance, employerRate, personalRate) in [
                (InsuranceType.enterprisePension, 16, 8), (.employeeMedical, 8, 2), (.unemployment, 7, 3),
            ] {
                records.append(
                    ContributionRecord(
                        month: current, insurance: insurance, base: base,
                        employerPart: Money(fen: base.fen * Int64(employerRate) / 100),
                        personalPart: Money(fen: base.fen * Int64(personalRate) / 1000),
                        status: index % 50 == 49 ? .paidLate : .paid))
            }
            current = current.next
        }
        return records
    }

    static func statement(months: Int, language: DocumentLanguage = .chinese) -> ContributionStatement {
        let records = contributions(months: months)
        let first = records.first?.month ?? month(2024, 1)
        let last = records.last?.month ?? month(2024, 12)
        return ContributionStatement(
            person: person, period: first...last, records: records, issuance: issuance("T430102-01-000124"),
            language: language)
    }

    static func registration(_ language: DocumentLanguage = .chinese) -> RegistrationCertificate {
        RegistrationCertificate(
            person: DocumentHolder(name: "李秀英", socialSecurityNumber: "430104199211230028", sex: .female),
            registrationNumber: "4301040000123456", residence: "湖南省长沙市岳麓区望月湖街道", status: .unemployed,
            records: [
                RegistrationRecord(
                    kind: .employment, date: CalendarDate(year: 2015, month: 7, day: 1)!,
                    detail: "长沙岳麓山文化传媒有限公司", office: "岳麓区就业服务中心"),
                RegistrationRecord(
                    kind: .employmentEnded, date: CalendarDate(year: 2024, month: 11, day: 30)!,
                    detail: "劳动合同期满终止", office: "岳麓区就业服务中心"),
                RegistrationRecord(
                    kind: .unemployment, date: CalendarDate(year: 2024, month: 12, day: 9)!,
                    detail: "合同到期未续签，有就业意愿", office: "望月湖街道社区服务中心"),
            ],
            issuance: issuance("T430102-01-000125"), language: language)
    }

    static func receipt(_ format: ApplicationReceipt.Format) -> ApplicationReceipt {
        ApplicationReceipt(
            applicationNumber: "SB20250314-0042", service: "社会保障卡申领（第三代）", applicant: person,
            receivedAt: issuedAt,
            materials: ["居民身份证原件及复印件", "近期免冠彩色证件照（白底）", "社会保障卡申领登记表"],
            promisedBy: CalendarDate(year: 2025, month: 3, day: 28), collection: "芙蓉区政务服务中心 3 号窗口领取",
            receivedBy: "张敏（窗口 03）", contactPhone: "0731-12333", issuance: issuance("T430102-01-000126"),
            format: format)
    }

    static func ledger(entries count: Int) -> BusinessRegister {
        let services = ["社会保障卡申领", "社会保障卡挂失", "参保证明打印", "失业登记", "城乡居民养老保险参保登记"]
        let names = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨帆", "黄丽", "赵强", "欧阳晓明", "司马子轩"]
        let outcomes: [LedgerLine.Outcome] = [.completed, .completed, .accepted, .completed, .returned]
        let entries = (0..<count).map { index in
            LedgerLine(
                time: issuedAt.addingTimeInterval(Double(index) * 420 - 7_200),
                serialNumber: "T430102-01-" + String(100_200 + index), service: services[index % services.count],
                applicant: DocumentHolder(name: names[index % names.count], socialSecurityNumber: "430102198001010011"),
                outcome: outcomes[index % outcomes.count], clerk: "张敏",
                note: outcomes[index % outcomes.count] == .returned ? "缺户口簿复印件" : "")
        }
        return BusinessRegister(
            desk: "芙蓉区政务服务中心 03 号窗口", date: CalendarDate(year: 2025, month: 3, day: 14)!, entries: entries,
            issuance: issuance("T430102-01-000127"))
    }

    static func cardFace(name: String = "王建国", photo: [UInt8]?) -> CardFace {
        CardFace(
            name: name, socialSecurityNumber: person.socialSecurityNumber, cardNumber: "A12345678",
            issueDate: CalendarDate(year: 2025, month: 3, day: 14)!, region: "湖南省长沙市", photo: photo)
    }

    /// A synthetic portrait (a silhouette on blue), drawn with the engine and converted by pdftoppm,
    /// as JPEG or PNG bytes of about 350 x 430 pixels.
    static func photo(jpeg: Bool) async throws -> [UInt8] {
        let template = DocumentTemplate(
            title: "photo", language: .chinese, page: PageSetup(width: 20, height: 24.6, margins: Insets(all: 0)),
            fixed: [
                .box(FixedElement.Box(frame: Frame(x: 0, y: 0, width: 20, height: 24.6), fill: Color(hex: 0x8DB8E8))),
                .box(
                    FixedElement.Box(
                        frame: Frame(x: 6, y: 4, width: 8, height: 9.5), fill: Color(hex: 0xF1C9A5),
                        cornerRadius: 4)),
                .box(
                    FixedElement.Box(
                        frame: Frame(x: 2, y: 14.5, width: 16, height: 12), fill: Color(hex: 0x2F3B4C),
                        cornerRadius: 5)),
            ])
        let pdf = try DocumentRenderer().render(template: template, content: DocumentContent()).pdf
        let name = jpeg ? "photo-jpeg" : "photo-png"
        let path = try TestOutput.save(pdf, as: name)
        let output = TestOutput.directory.appendingPathComponent(name)
        _ = try await Poppler.run("pdftoppm", [jpeg ? "-jpeg" : "-png", "-r", "450", "-singlefile", path, output.path])
        return Array(try Data(contentsOf: output.appendingPathExtension(jpeg ? "jpg" : "png")))
    }
}

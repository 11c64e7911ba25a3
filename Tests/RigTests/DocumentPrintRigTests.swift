@preconcurrency import Crypto
import Documents
import Foundation
import Printing
import TestSupport
import Testing
import Vocabulary

extension RigTests {
    /// Every document the terminal renders, printed through cupsd onto the rig's printers and
    /// checked in the printer's spool as a person at the printer would: the right Chinese text,
    /// every page there and drawable, fonts embedded, the card at ID-1 size, the QR code genuine.
    @Suite struct DocumentPrinting {
        let service = CUPSPrintService(timeout: .seconds(10))

        @Test(arguments: RigDocument.all)
        func aRenderedDocumentPrintedThroughCupsdArrivesWhole(_ document: RigDocument) async throws {
            guard await Rig.printersAreUp() else { return }
            let rendered = try RigDocuments.renderer.render(document.source)
            let spooled = try await print(rendered, as: document)

            let info = try await Poppler.info(of: spooled.path)
            #expect(info.pages == rendered.pageCount)
            let text = try await Poppler.text(of: spooled.path)
            for expected in document.expectedText {
                #expect(text.contains(expected.filter { !$0.isWhitespace }), "the spooled PDF lacks «\(expected)»")
            }
            if let sealed = rendered.verification { #expect(text.contains(sealed.verificationCode)) }
            let pages = try await Poppler.rasterise(
                spooled.path, resolution: 50, into: Rig.pageImages, name: document.name)
            #expect(pages.count == rendered.pageCount, "pdftoppm drew \(pages.count) pages")
            let fonts = try await Poppler.fonts(of: spooled.path)
            #expect(!fonts.isEmpty && fonts.allSatisfy(\.embedded), "fonts: \(fonts)")
        }

        @Test func aMultiPageStatementKeepsItsHeadersPageNumbersAndTotals() async throws {
            guard await Rig.printersAreUp() else { return }
            let statement = RigDocuments.statement(months: 60)
            let rendered = try RigDocuments.renderer.render(statement)
            #expect(rendered.pageCount >= 3)
            let spooled = try await print(rendered, as: RigDocument(name: "statement-pages", statement, on: Rig.a4))
            for page in 1...rendered.pageCount {
                let text = try await Poppler.text(of: spooled.path, first: page, last: page)
                for expected in ["社会保险个人缴费明细", "费款所属期", "单位缴纳", "第\(page)页/共\(rendered.pageCount)页"] {
                    #expect(text.contains(expected), "page \(page) lacks \(expected)")
                }
            }
            let (employer, personal) = try statement.totals()
            let totals = try await Poppler.words(of: spooled.path, page: rendered.pageCount).line(containing: "合计")
            #expect(totals == "合计（\(statement.records.count)条）\(employer.formatted)\(personal.formatted)")
        }

        @Test func theCardFaceIsSpooledAtExactlyID1Size() async throws {
            guard await Rig.printersAreUp() else { return }
            let document = RigDocument.all.first { $0.printer.name == Rig.card.name }!
            let spooled = try await print(try RigDocuments.renderer.render(document.source), as: document)
            let info = try await Poppler.info(of: spooled.path)
            let (width, height) = (85.60 * 72 / 25.4, 53.98 * 72 / 25.4)
            #expect(
                abs(info.width - width) < 0.1 && abs(info.height - height) < 0.1, "\(info.width) x \(info.height) pt")
        }

        /// The QR code read off the spooled page image, as a phone would read the paper, verifies;
        /// the same payload with one fact changed does not.
        @Test(arguments: RigDocument.all.filter { $0.printer.name == Rig.a4.name })
        func theQRCodeOnThePrintedPageVerifiesAndAnAlteredOneIsRejected(_ document: RigDocument) async throws {
            guard await Rig.printersAreUp() else { return }
            let rendered = try RigDocuments.renderer.render(document.source)
            let sealed = try #require(rendered.verification)
            let spooled = try await print(rendered, as: document)
            let page = try await Poppler.rasterise(
                spooled.path, resolution: 200, page: rendered.pageCount, into: Rig.pageImages,
                name: "\(document.name)-qr")
            let codes = try await Poppler.qrCodes(in: try #require(page.first))
            #expect(codes == [sealed.qrText])
            let scanned = try #require(codes.first)
            let payload = try RigDocuments.verifier.verify(qrText: scanned, printedCode: sealed.verificationCode)
            #expect(payload.serialNumber == (try document.source.content()).verification?.issuance.serialNumber)

            let genuine = try SealedPayload(qrText: scanned)
            let json = String(decoding: genuine.message, as: UTF8.self)
            let forgedJSON = json.replacingOccurrences(of: payload.serialNumber, with: payload.serialNumber + "9")
            #expect(forgedJSON != json)
            let forged = SealedPayload(message: Array(forgedJSON.utf8), signature: genuine.signature)
            #expect(throws: DocumentError.signatureInvalid) {
                try RigDocuments.verifier.verify(qrText: forged.qrText)
            }
        }

        /// Submits `rendered` to the document's queue and waits until it completes; returns the
        /// one file the printer kept of it.
        private func print(_ rendered: RenderedDocument, as document: RigDocument) async throws -> URL {
            let key = try Rig.freshKey("doc-\(document.name)")
            let job = try await service.submit(
                try PrintDocument(pdf: rendered.pdf, title: document.name), to: .queue(document.printer.queue),
                key: key, options: PrintOptions(media: document.media(rendered)))
            let finished = try await service.waitUntilFinished(job, timeout: .seconds(90), every: .milliseconds(100))
            #expect(finished.state == .completed)
            let files = document.printer.spooled(key)
            try #require(files.count == 1, "spooled: \(files)")
            return files[0]
        }
    }
}

/// A document to print on the rig, what its printed text must hold, and where it goes.
struct RigDocument: Sendable, CustomStringConvertible {
    let name: String
    let source: any DocumentSource
    let printer: Rig.Printer
    let expectedText: [String]

    init(name: String, _ source: any DocumentSource, on printer: Rig.Printer, expecting expectedText: [String] = []) {
        self.name = name
        self.source = source
        self.printer = printer
        self.expectedText = expectedText
    }

    var description: String { name }

    /// The media to ask for: the printer's own, or for the roll the page's length, which cupsd
    /// takes only as a custom size (it would put the receipt on 297 mm of paper otherwise).
    func media(_ rendered: RenderedDocument) -> String {
        guard printer.name == Rig.receipt.name else { return printer.media }
        let length = (rendered.pageHeight * 25.4 / 72 * 100).rounded(.up) / 100
        return "Custom.80x\(length)mm"
    }

    static let all: [RigDocument] = [
        RigDocument(
            name: "proof", RigDocuments.proof, on: Rig.a4,
            expecting: ["社会保险参保证明", "赵思远", "参保状态", "企业职工基本养老保险", "湖南星城精密机械有限公司"]),
        RigDocument(
            name: "statement", RigDocuments.statement(months: 60), on: Rig.a4,
            expecting: ["社会保险个人缴费明细", "赵思远", "4301**********0014", "费款所属期", "合计（180条）"]),
        RigDocument(
            name: "registration", RigDocuments.registration, on: Rig.a4,
            expecting: ["就业失业登记证明", "孙若兰", "失业登记", "合同到期未续签，有就业意愿"]),
        RigDocument(
            name: "receipt-a4", RigDocuments.receipt(.a4), on: Rig.a4,
            expecting: ["受理回执", "赵思远", "SB20250314-0042", "居民身份证原件及复印件"]),
        RigDocument(
            name: "receipt-roll", RigDocuments.receipt(.roll80mm), on: Rig.receipt,
            expecting: ["受理回执", "赵思远", "SB20250314-0042", "社会保障卡申领登记表"]),
        RigDocument(
            name: "card-face", RigDocuments.cardFace, on: Rig.card,
            expecting: ["中华人民共和国社会保障卡", "赵思远", "430102199004150014", "B98765432", "社会保障号码"]),
        RigDocument(
            name: "ledger", RigDocuments.ledger, on: Rig.a4,
            expecting: ["窗口业务日台账", "共24笔", "合计24笔", "经办人（签字）", "欧阳明轩"]),
    ]
}

/// Synthetic people and records for the rig's documents: made-up names, ID numbers with a valid
/// GB 11643 check character, nobody real.
enum RigDocuments {
    static let signer = Ed25519Signer(keyID: "RIG-430102-01", privateKey: Curve25519.Signing.PrivateKey())
    static let renderer = DocumentRenderer(signer: signer)
    static let verifier = DocumentVerifier(trustedKeys: [signer.keyID: signer.publicKey])

    /// 2025-03-14 10:30 in China.
    static let issuedAt = Date(timeIntervalSince1970: 1_741_919_400)
    static let office = Office(code: "430102-01", name: "长沙市芙蓉区人力资源和社会保障局")
    static let person = DocumentHolder(name: "赵思远", socialSecurityNumber: "430102199004150014", sex: .male)
    static let employer = "湖南星城精密机械有限公司"

    static func issuance(_ serial: Int) -> DocumentIssuance {
        DocumentIssuance(
            serialNumber: "RIG-430102-\(serial)", office: office, issuedAt: issuedAt,
            validUntil: CalendarDate(year: 2025, month: 6, day: 14))
    }

    static func month(_ year: Int, _ month: Int) -> YearMonth { YearMonth(year: year, month: month)! }

    static let proof = ProofOfInsurance(
        person: person,
        enrolments: [
            EnrolmentLine(
                insurance: .enterprisePension, status: .contributing, since: month(2012, 3),
                paidUntil: month(2025, 2), monthsPaid: 156, employer: employer),
            EnrolmentLine(
                insurance: .employeeMedical, status: .contributing, since: month(2012, 3),
                paidUntil: month(2025, 2), monthsPaid: 156, employer: employer),
            EnrolmentLine(
                insurance: .unemployment, status: .suspended, since: month(2012, 3), paidUntil: month(2020, 6),
                monthsPaid: 100, employer: nil),
        ],
        issuance: issuance(1), language: .chinese)

    /// `months` of pension, medical and unemployment contributions from January 2015.
    static func statement(months: Int) -> ContributionStatement {
        let records = ContributionRecord.synthetic(from: month(2015, 1), months: months) {
            Money(fen: 520_000 + Int64($0 % 23) * 1_511)
        }
        return ContributionStatement(
            person: person, period: month(2015, 1)...records[records.count - 1].month, records: records,
            issuance: issuance(2), language: .chinese)
    }

    static let registration = RegistrationCertificate(
        person: DocumentHolder(name: "孙若兰", socialSecurityNumber: "430104199306120024", sex: .female),
        registrationNumber: "4301040000765432", residence: "湖南省长沙市岳麓区观沙岭街道", status: .unemployed,
        records: [
            RegistrationRecord(
                kind: .employment, date: CalendarDate(year: 2016, month: 9, day: 1)!, detail: employer,
                office: "岳麓区就业服务中心"),
            RegistrationRecord(
                kind: .unemployment, date: CalendarDate(year: 2024, month: 12, day: 9)!,
                detail: "合同到期未续签，有就业意愿", office: "观沙岭街道社区服务中心"),
        ],
        issuance: issuance(3), language: .chinese)

    static func receipt(_ format: ApplicationReceipt.Format) -> ApplicationReceipt {
        ApplicationReceipt(
            applicationNumber: "SB20250314-0042", service: "社会保障卡申领（第三代）", applicant: person,
            receivedAt: issuedAt, materials: ["居民身份证原件及复印件", "近期免冠彩色证件照（白底）", "社会保障卡申领登记表"],
            promisedBy: CalendarDate(year: 2025, month: 3, day: 28), collection: "芙蓉区政务服务中心 3 号窗口领取",
            receivedBy: "刘敏（窗口 03）", contactPhone: "0731-12333", issuance: issuance(4), format: format)
    }

    static let cardFace = CardFace(
        name: person.name, socialSecurityNumber: person.socialSecurityNumber, cardNumber: "B98765432",
        issueDate: CalendarDate(year: 2025, month: 3, day: 14)!, region: "湖南省长沙市", photo: nil)

    static let ledger: BusinessRegister = {
        let names = ["周晓燕", "吴志刚", "郑丽华", "欧阳明轩", "冯雨桐", "陈子墨"]
        let services = ["社会保障卡申领", "社会保障卡挂失", "参保证明打印", "失业登记"]
        let outcomes: [LedgerLine.Outcome] = [.completed, .accepted, .completed, .returned]
        let entries = (0..<24).map { index in
            LedgerLine(
                time: issuedAt.addingTimeInterval(Double(index) * 600 - 7_200),
                serialNumber: "RIG-430102-\(200 + index)", service: services[index % services.count],
                applicant: DocumentHolder(name: names[index % names.count], socialSecurityNumber: "430102198001010011"),
                outcome: outcomes[index % outcomes.count], clerk: "刘敏",
                note: outcomes[index % outcomes.count] == .returned ? "缺户口簿复印件" : "")
        }
        return BusinessRegister(
            desk: "芙蓉区政务服务中心 03 号窗口", date: CalendarDate(year: 2025, month: 3, day: 14)!, entries: entries,
            issuance: issuance(5))
    }()
}

extension Rig {
    /// Page images of the spooled documents, kept after the run for a person to look at.
    static let pageImages: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sskiosk-rig-documents")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
}

import Documents
import Foundation
import TestSupport
import Testing

@Suite struct EngineTests {
    /// 𪚥 (U+2A6A5, CJK Extension B) is in no installed font: the name must not print as a box.
    @Test func aCharacterNoFontHasIsAnErrorNamingIt() throws {
        let error = try #require(throws: DocumentError.self) {
            try Fixtures.renderer.render(Fixtures.proof(name: "王𪚥"))
        }
        #expect(error == .unrenderableText(in: "", characters: []))
        #expect(error.message.contains("U+2A6A5") && error.message.contains("{person.name}"))
        #expect(!error.message.contains("王"), "only the characters at fault are named")
    }

    /// 𠮷 (U+20BB7, Extension B, outside GBK) is in Noto Sans CJK and prints.
    @Test func rareCharactersTheFontsHavePrint() async throws {
        let pdf = try await CheckedPDF(
            try Fixtures.renderer.render(Fixtures.proof(name: "𠮷㛃䶮")), name: "proof-rare-name", width: Paper.a4Short)
        pdf.expectText(["𠮷㛃䶮"])
    }

    @Test func aFontThatIsNotInstalledIsAnError() {
        let template = DocumentTemplate(
            title: "t", language: .chinese, page: .a4,
            body: [.paragraph(Block.Paragraph("文字", style: TextStyle(font: "No Such Font Sans")))])
        #expect(throws: DocumentError.fontMissing("")) {
            try DocumentRenderer().render(template: template, content: DocumentContent())
        }
    }

    @Test func aPlaceholderWithoutDataIsAnError() {
        let template = DocumentTemplate(
            title: "t", language: .chinese, page: .a4,
            body: [.paragraph(Block.Paragraph("{person.nickname}", style: TextStyle()))])
        #expect(throws: DocumentError.missingValue("")) {
            try DocumentRenderer().render(template: template, content: DocumentContent())
        }
    }

    @Test func aQRCodeTooSmallForItsPayloadIsAnError() throws {
        var template = DocumentTemplate.proofOfInsurance(.chinese)
        template.body = template.body.map { block in
            guard case .verification(var verification) = block else { return block }
            verification.qrSize = 12
            return .verification(verification)
        }
        #expect(throws: DocumentError.qrTooDense(moduleMillimetres: 0, minimum: 0)) {
            try Fixtures.renderer.render(template: template, content: Fixtures.proof().content())
        }
    }

    @Test func imageBytesThatAreNoPictureAreAnError() async throws {
        var face = Fixtures.cardFace(photo: [0xFF, 0xD8, 0xFF, 0x00])
        #expect(throws: DocumentError.invalidImage("")) { try Fixtures.renderer.render(face) }
        face.photo = Array(try await Fixtures.photo(jpeg: false).prefix(200))
        #expect(throws: DocumentError.invalidImage("")) { try Fixtures.renderer.render(face) }
    }

    @Test func aPictureTooLargeToDecodeIsRefusedBeforeDecoding() {
        let png: [UInt8] =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + [0, 0, 0x13, 0x88, 0, 0, 0, 10, 8, 2, 0, 0, 0]
        // A baseline frame header of 16 x 8192 pixels, three components.
        let jpeg: [UInt8] =
            [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x20, 0x00, 0x00, 0x10, 0x03]
            + Array(repeating: 0, count: 9) + [0xFF, 0xD9]
        for photo in [png, jpeg] {
            #expect(throws: DocumentError.imageTooLarge("", width: 0, height: 0, maximum: 0)) {
                try Fixtures.renderer.render(Fixtures.cardFace(photo: photo))
            }
        }
    }

    @Test func aParagraphTallerThanAPageIsAnError() {
        let template = DocumentTemplate(
            title: "t", language: .chinese, page: .a4,
            body: [.paragraph(Block.Paragraph(String(repeating: "很长的文字。", count: 3_000), style: TextStyle()))])
        #expect(throws: DocumentError.blockTooTall("")) {
            try DocumentRenderer().render(template: template, content: DocumentContent())
        }
    }

    @Test func builtInTemplatesRoundTripThroughJSON() throws {
        let templates: [DocumentTemplate] = [
            .proofOfInsurance(.chinese), .proofOfInsurance(.english), .contributionStatement(.chinese),
            .registrationCertificate(.english), .applicationReceiptA4, .applicationReceiptRoll, .businessRegister,
            .nationalCardFace,
        ]
        for template in templates {
            let json = try JSONEncoder().encode(template)
            #expect(try JSONDecoder().decode(DocumentTemplate.self, from: json) == template, "\(template.title)")
        }
    }

    @Test func longCellTextWrapsAndTheRowGrows() async throws {
        var proof = Fixtures.proof()
        let employer = "湖南省长沙市芙蓉区某某某某机械制造与进出口贸易集团有限责任公司第三分公司"
        proof.enrolments[0].employer = employer
        let pdf = try await CheckedPDF(
            try Fixtures.renderer.render(proof), name: "proof-long-employer", width: Paper.a4Short)
        let words = try await Poppler.words(of: pdf.path).filter { employer.contains($0.text) && $0.text.count > 1 }
            .sorted { ($0.yMin, $0.xMin) < ($1.yMin, $1.xMin) }
        #expect(words.map(\.text).joined() == employer, "the whole name, in reading order")
        #expect(Set(words.map(\.yMin)).count >= 2, "on more than one line")
        let column = (words.map(\.xMin).min() ?? 0, words.map(\.xMax).max() ?? 0)
        #expect(column.1 - column.0 < 120, "within the employer column")
    }

    /// Renders on several threads at once: each render has its own surface and pango context on its
    /// thread's font map, and every PDF comes out whole.
    @Test func rendersInParallelOnManyThreads() async throws {
        let documents = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for index in 0..<8 {
                group.addTask {
                    let document: any DocumentSource =
                        index.isMultiple(of: 2) ? Fixtures.proof() : Fixtures.statement(months: 20)
                    let rendered = try Fixtures.renderer.render(document)
                    _ = try Fixtures.verifier.verify(try #require(rendered.verification))
                    return rendered.pdf
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(documents.count == 8)
        for (index, pdf) in documents.enumerated() {
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            let text = try await Poppler.text(of: TestOutput.save(pdf, as: "parallel-\(index)"))
            #expect(text.contains("王建国") && text.contains("第1页"))
        }
    }
}

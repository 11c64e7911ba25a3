import Documents
import Foundation
import TestSupport
import Testing

@Suite struct CardFaceTests {
    /// The name's box of the national layout, in points: x 23.5-61 mm, y 25.5-30.9 mm.
    private static let nameBox = (
        xMin: 23.5 * 72 / 25.4, xMax: 61 * 72 / 25.4, yMin: 25.5 * 72 / 25.4,
        yMax: 30.9 * 72 / 25.4
    )

    @Test func cardFaceHasTheExactID1SizeAndEveryField() async throws {
        let rendered = try Fixtures.renderer.render(Fixtures.cardFace(photo: try await Fixtures.photo(jpeg: true)))
        #expect(rendered.verification == nil)
        let pdf = try await CheckedPDF(rendered, name: "card-face", width: Paper.cardWidth, height: Paper.cardHeight)
        pdf.expectText([
            "中华人民共和国社会保障卡", "王建国", "430102198503071236", "A12345678", "2025年03月", "湖南省长沙市",
            "社会保障号码", "发卡日期",
        ])
        #expect(!pdf.text.contains("照片"))
        #expect(try await Poppler.images(of: pdf.path).map(\.encoding) == ["jpeg"], "the JPEG is embedded as it is")
    }

    @Test func pngPhotoIsEmbeddedAndAMissingPhotoLeavesAMarkedFrame() async throws {
        let withPNG = try await CheckedPDF(
            try Fixtures.renderer.render(Fixtures.cardFace(photo: try await Fixtures.photo(jpeg: false))),
            name: "card-png",
            width: Paper.cardWidth, height: Paper.cardHeight)
        #expect(try await Poppler.images(of: withPNG.path).map(\.encoding) == ["image"])

        let without = try await CheckedPDF(
            try Fixtures.renderer.render(Fixtures.cardFace(photo: nil)), name: "card-no-photo", width: Paper.cardWidth)
        without.expectText(["照片"])
        #expect(try await Poppler.images(of: without.path).isEmpty)
    }

    @Test func onPreprintedStockOnlyTheDataIsPrinted() async throws {
        let rendered = try Fixtures.renderer.render(Fixtures.cardFace(photo: nil), onPreprintedStock: true)
        let pdf = try await CheckedPDF(
            rendered, name: "card-on-stock", width: Paper.cardWidth, height: Paper.cardHeight)
        pdf.expectText(["王建国", "430102198503071236", "A12345678", "2025年03月"])
        for preprinted in ["中华人民共和国社会保障卡", "社会保障号码", "湖南省长沙市", "照片"] {
            #expect(!pdf.text.contains(preprinted), "\(preprinted) is on the stock already")
        }
    }

    @Test func aLongNameShrinksAndAVeryLongOneWrapsInsideItsBox() async throws {
        let short = try await nameWords(for: "王建国")
        let long = try await nameWords(for: "阿卜杜热合曼·买买提依明·艾力")
        let wrapped = try await nameWords(for: "阿卜杜热合曼·买买提依明·艾力库尔班·吐尔逊托合提·阿不都")
        for words in [short, long, wrapped] {
            for word in words {
                #expect(word.xMin >= Self.nameBox.xMin - 0.5 && word.xMax <= Self.nameBox.xMax + 0.5, "\(word)")
                #expect(word.yMin >= Self.nameBox.yMin - 0.5 && word.yMax <= Self.nameBox.yMax + 0.5, "\(word)")
            }
        }
        let height = { (words: [Poppler.Word]) in words.map { $0.yMax - $0.yMin }.max() ?? 0 }
        #expect(height(long) < height(short) - 1, "the long name was set smaller")
        #expect(Set(wrapped.map(\.yMin)).count == 2, "the very long name takes two lines")
    }

    @Test func aNameThatCannotFitIsAnErrorNotAClippedCard() throws {
        let name = String(repeating: "买买提依明·", count: 8)
        #expect(throws: DocumentError.textDoesNotFit("")) {
            try Fixtures.renderer.render(Fixtures.cardFace(name: name, photo: nil))
        }
    }

    @Test func aRegionsLayoutComesFromJSON() async throws {
        let json = """
            {
              "title": "卡面 {card.cardNumber}",
              "page": {"width": 85.6, "height": 53.98, "margins": {"top": 0, "left": 0, "bottom": 0, "right": 0}},
              "fixed": [
                {"type": "box", "frame": {"x": 0, "y": 0, "width": 85.6, "height": 53.98}, "fill": "#FBEFE3",
                 "cornerRadius": 3.18, "preprinted": true},
                {"type": "image", "frame": {"x": 4, "y": 12, "width": 20, "height": 25}, "source": "card.photo",
                 "placeholder": "相片"},
                {"type": "text", "frame": {"x": 28, "y": 14, "width": 50, "height": 6}, "text": "{card.name}",
                 "style": {"size": 10, "bold": true}, "minimumSize": 6},
                {"type": "text", "frame": {"x": 28, "y": 22, "width": 50, "height": 5}, "text": "{card.number}",
                 "style": {"font": "Noto Sans Mono CJK SC", "size": 8}},
                {"type": "text", "frame": {"x": 28, "y": 29, "width": 50, "height": 5}, "text": "卡号 {card.cardNumber}",
                 "style": {"size": 8, "color": "#7A1F1F"}}
              ]
            }
            """
        let layout = try JSONDecoder().decode(DocumentTemplate.self, from: Data(json.utf8))
        var face = Fixtures.cardFace(photo: nil)
        face.layout = layout
        let pdf = try await CheckedPDF(
            try Fixtures.renderer.render(face), name: "card-region-layout", width: Paper.cardWidth,
            height: Paper.cardHeight)
        pdf.expectText(["王建国", "430102198503071236", "卡号A12345678", "相片"])
        #expect(!pdf.text.contains("中华人民共和国社会保障卡"))
    }

    private func nameWords(for name: String) async throws -> [Poppler.Word] {
        let rendered = try Fixtures.renderer.render(Fixtures.cardFace(name: name, photo: nil), onPreprintedStock: true)
        let path = try TestOutput.save(rendered.pdf, as: "card-name-\(name.count)")
        let words = try await Poppler.words(of: path).filter { word in name.contains(word.text) && !word.text.isEmpty }
        #expect(words.map(\.text).joined() == name, "the whole name is printed")
        return words
    }
}

import CardPhotos
import TestSupport
import Testing

@Suite("Card photos against the standard")
struct CardPhotoTests {
    static func problems(_ jpeg: [UInt8]) -> [String] {
        do {
            _ = try CardPhoto(checking: jpeg)
            return []
        } catch {
            return error.problems
        }
    }

    @Test("a studio's photo meets it: decoded at its size, kept byte for byte")
    func meetsTheStandard() throws {
        let jpeg = SyntheticPhoto.jpeg()
        #expect(try CardPhoto(checking: jpeg).jpeg == jpeg)
        let image = try GrayImage(jpeg: jpeg)
        #expect((image.width, image.height) == (358, 441))
    }

    @Test("the wrong size, a busy background, a head too high or aside, too small, are each said")
    func breaksTheStandard() {
        #expect(Self.problems(SyntheticPhoto.jpeg(width: 300, height: 400)) == ["照片应为 358×441 像素，这张为 300×400 像素"])
        let busy = SyntheticPhoto.jpeg(background: { x, y in (x / 4 + y / 4) % 2 == 0 ? 250 : 170 })
        #expect(Self.problems(busy).first?.hasPrefix("背景应为纯色浅色") == true)
        #expect(Self.problems(SyntheticPhoto.jpeg(headTop: 1)).contains { $0.hasPrefix("头顶离照片上边太近") })
        #expect(Self.problems(SyntheticPhoto.jpeg(headTop: 120)).contains { $0.hasPrefix("头顶离照片上边太远") })
        #expect(Self.problems(SyntheticPhoto.jpeg(headCentre: 240)).contains("人像应居中"))
        #expect(Self.problems(SyntheticPhoto.jpeg(headWidth: 100)).contains { $0.hasPrefix("人像太小") })
        let empty = SyntheticPhoto.encode([UInt8](repeating: 245, count: 358 * 441), width: 358, height: 441)
        #expect(Self.problems(empty) == ["照片中没有人像"])
    }

    @Test("what is no JPEG, or far too big, is refused before any check")
    func notAPhoto() {
        #expect(throws: CardPhotoError.notAJPEG) { try CardPhoto(checking: Array("not a photo".utf8)) }
        #expect(throws: CardPhotoError.notAJPEG) { try CardPhoto(checking: Array(SyntheticPhoto.jpeg().prefix(200))) }
        #expect(throws: CardPhotoError.tooLarge(bytes: 0)) {
            try CardPhoto(checking: [UInt8](repeating: 0xFF, count: CardPhotoStandard.maximumBytes + 1))
        }
    }
}

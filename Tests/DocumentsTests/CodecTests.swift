import Foundation
import TestSupport
import Testing

@testable import Documents

@Suite struct CodecTests {
    /// RFC 9285 §4.
    @Test func base45MatchesRFC9285() {
        let vectors = [("AB", "BB8"), ("Hello!!", "%69 VD92EX0"), ("base-45", "UJCLQE7W581"), ("ietf!", "QED8WEX0")]
        for (plain, encoded) in vectors {
            #expect(Base45.encode(Array(plain.utf8)) == encoded)
            #expect(Base45.decode(encoded) == Array(plain.utf8))
        }
    }

    @Test func base45RejectsWhatRFC9285Forbids() {
        #expect(Base45.decode("GGW") == nil, "a triple above 65535")
        #expect(Base45.decode("ABCD") == nil, "a lone trailing character")
        #expect(Base45.decode("ab8") == nil, "lower case is outside the alphabet")
        #expect(Base45.decode("") == [])
    }

    @Test func base45RoundTripsEveryByte() {
        let bytes = (0...255).map { UInt8($0) } + [0xFF]
        #expect(Base45.decode(Base45.encode(bytes)) == bytes)
    }

    @Test func crockfordGroupsSixtyBitsIntoTwelveCharacters() {
        #expect(CrockfordBase32.grouped(0, digits: 12) == "0000-0000-0000")
        #expect(CrockfordBase32.grouped((1 << 60) - 1, digits: 12) == "ZZZZ-ZZZZ-ZZZZ")
        // The twelve base-32 digits of 0x0123456789ABCDEF in Crockford's alphabet.
        #expect(CrockfordBase32.grouped(0x0123_4567_89AB_CDEF, digits: 12) == "28T5-CY4T-QKFF")
        #expect(CrockfordBase32.normalised("i0lo-abcd") == "1010ABCD")
    }

    /// The size read from the frame header agrees with poppler's reading of the embedded JPEG.
    @Test func jpegHeaderReadsTheFrameSize() async throws {
        let jpeg = try await Fixtures.photo(jpeg: true)
        let header = try #require(JPEGHeader(jpeg))
        let rendered = try Fixtures.renderer.render(Fixtures.cardFace(photo: jpeg))
        let images = try await Poppler.images(of: TestOutput.save(rendered.pdf, as: "card-jpeg-header"))
        #expect(images.map(\.encoding) == ["jpeg"])
        #expect(images.first?.width == header.width && images.first?.height == header.height)
        #expect(JPEGHeader(Array(jpeg.prefix(100))) == nil, "cut before the frame header")
        #expect(JPEGHeader([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == nil)
    }

    @Test func placeholdersFillEscapeAndFailClearly() throws {
        let values = ["a": "甲", "b.c": "乙"]
        #expect(try Placeholders.fill("{a}与{b.c}", from: values) == .init(text: "甲与乙", keys: ["a", "b.c"]))
        #expect(try Placeholders.fill("{{a}} {a}}}", from: values).text == "{a} 甲}")
        #expect(throws: DocumentError.missingValue("")) { try Placeholders.fill("{x}", from: values) }
        #expect(throws: DocumentError.malformedPlaceholder("")) { try Placeholders.fill("{a", from: values) }
    }
}

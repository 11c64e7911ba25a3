import SocialSecurityCard
import Testing

@Suite struct AlphanumericTests {
    @Test func padsWithZeroBytes() throws {
        #expect(try Alphanumeric.encode([0x41, 0x42], byteCount: 4) == [0x41, 0x42, 0x00, 0x00])
        #expect(try Alphanumeric.encode(ascii: "3.00", byteCount: 4) == [0x33, 0x2E, 0x30, 0x30])
        #expect(try Alphanumeric.encode(ascii: "", byteCount: 2) == [0x00, 0x00])
    }

    @Test func decodingStripsOnlyTrailingZeroBytes() {
        #expect(Alphanumeric.decode([0x41, 0x42, 0x00, 0x00]) == [0x41, 0x42])
        #expect(Alphanumeric.decode([0x41, 0x00, 0x42, 0x00]) == [0x41, 0x00, 0x42])
        #expect(Alphanumeric.decode([0x00, 0x00]) == [])
    }

    @Test func asciiRoundTrips() throws {
        let bytes = try Alphanumeric.encode(ascii: "A12345674", byteCount: 9)
        #expect(try Alphanumeric.decodeASCII(bytes) == "A12345674")
        #expect(try Alphanumeric.decodeASCII(try Alphanumeric.encode(ascii: "1", byteCount: 1)) == "1")
    }

    @Test func refusesValuesLongerThanTheField() throws {
        let error = #expect(throws: CardDataError.valueTooLong(count: 0, byteCount: 0)) {
            try Alphanumeric.encode(ascii: "3.000", byteCount: 4)
        }
        #expect(error?.message.contains("5 bytes") == true)
        #expect(throws: CardDataError.valueTooLong(count: 0, byteCount: 0)) {
            try Alphanumeric.encode([1, 2, 3], byteCount: 2)
        }
    }

    @Test func refusesTextThatIsNotPrintableASCII() throws {
        let chinese = #expect(throws: CardDataError.notPrintableASCII(position: 0)) {
            try Alphanumeric.encode(ascii: "AB张", byteCount: 9)
        }
        #expect(chinese?.message.contains("character 3") == true)
        #expect(throws: CardDataError.notPrintableASCII(position: 0)) {
            try Alphanumeric.encode(ascii: "A\u{07}", byteCount: 9)
        }
        let fromCard = #expect(throws: CardDataError.notPrintableASCII(position: 0)) {
            try Alphanumeric.decodeASCII([0x41, 0xD5, 0xC5, 0x00])
        }
        #expect(fromCard?.message.contains("character 2") == true)
    }
}

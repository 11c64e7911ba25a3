import SocialSecurityCard
import Testing

@Suite struct BCDTests {
    @Test func packsDigitsTwoToAByteAndPadsWithF() throws {
        #expect(try BCD.encode("430100", byteCount: 3) == [0x43, 0x01, 0x00])
        #expect(try BCD.encode("12345", byteCount: 4) == [0x12, 0x34, 0x5F, 0xFF])
        #expect(try BCD.encode("", byteCount: 2) == [0xFF, 0xFF])
    }

    @Test func decodingStopsAtThePadding() throws {
        #expect(try BCD.decode([0x12, 0x34, 0x5F, 0xFF]) == "12345")
        #expect(try BCD.decode([0x43, 0x01, 0x00]) == "430100")
        #expect(try BCD.decode([0xFF, 0xFF]) == "")
        #expect(try BCD.decode([]) == "")
    }

    @Test(arguments: ["0", "09", "19850714", "000000000001", "9876543210"])
    func roundTrips(digits: String) throws {
        let byteCount = (digits.count + 1) / 2 + 1
        let bytes = try BCD.encode(digits, byteCount: byteCount)
        #expect(bytes.count == byteCount)
        #expect(try BCD.decode(bytes) == digits)
    }

    @Test func refusesCharactersOtherThanDigits() throws {
        let error = #expect(throws: CardDataError.bcdNotDigits(position: 0)) { try BCD.encode("12a4", byteCount: 2) }
        #expect(error?.message.contains("character 3") == true)
        // Full-width digits from a Chinese input method are not digits of the card.
        #expect(throws: CardDataError.bcdNotDigits(position: 0)) { try BCD.encode("１２", byteCount: 2) }
    }

    @Test func refusesMoreDigitsThanTheFieldHolds() throws {
        let error = #expect(throws: CardDataError.bcdTooLong(digits: 0, byteCount: 0)) {
            try BCD.encode("1234567", byteCount: 3)
        }
        #expect(error?.message.contains("7 digits") == true)
        #expect(error?.message.contains("3 bytes") == true)
    }

    @Test(arguments: [[0x1C, 0x34] as [UInt8], [0x12, 0xA4], [0x12, 0x3E]])
    func refusesNibblesAToE(bytes: [UInt8]) throws {
        #expect(throws: CardDataError.bcdInvalidNibble(0, position: 0)) { try BCD.decode(bytes) }
    }

    @Test func namesTheBadNibbleAndWhereItIs() throws {
        let error = #expect(throws: CardDataError.self) { try BCD.decode([0x1C, 0x34]) }
        #expect(error?.message.contains("nibble C at digit 2") == true)
    }

    @Test func refusesDigitsAfterThePadding() throws {
        let error = #expect(throws: CardDataError.bcdDigitAfterPadding(position: 0)) { try BCD.decode([0x1F, 0x34]) }
        #expect(error?.message.contains("position 3") == true)
        #expect(throws: CardDataError.bcdDigitAfterPadding(position: 0)) { try BCD.decode([0xF1]) }
    }
}

import SmartCard
import Testing

@Suite struct ResponseAPDUTests {
    @Test func statusWordAloneHasNoData() throws {
        let response = try ResponseAPDU(bytes: [0x90, 0x00])
        #expect(response.data.isEmpty)
        #expect(response.statusWord == .success)
        #expect(response.statusWord.isSuccess)
    }

    @Test func lastTwoBytesAreTheStatusWord() throws {
        let response = try ResponseAPDU(bytes: [0x01, 0x02, 0x03, 0x6A, 0x82])
        #expect(response.data == [0x01, 0x02, 0x03])
        #expect(response.statusWord.sw1 == 0x6A)
        #expect(response.statusWord.sw2 == 0x82)
        #expect(response.statusWord.value == 0x6A82)
        #expect(!response.statusWord.isSuccess)
    }

    @Test func dataThatLooksLikeAStatusWordStaysData() throws {
        let response = try ResponseAPDU(bytes: [0x90, 0x00, 0x61, 0x10])
        #expect(response.data == [0x90, 0x00])
        #expect(response.statusWord == StatusWord(0x6110))
    }

    @Test func parsesAnyCollection() throws {
        let received: [UInt8] = [0xFF, 0x42, 0x90, 0x00, 0xFF]
        let response = try ResponseAPDU(bytes: received.dropFirst().dropLast())
        #expect(response == ResponseAPDU(data: [0x42], statusWord: .success))
    }

    @Test func encodedRoundTrips() throws {
        let data = (0..<300).map { UInt8(truncatingIfNeeded: $0) }
        let response = ResponseAPDU(data: data, statusWord: StatusWord(sw1: 0x63, sw2: 0xC2))
        #expect(response.encoded == data + [0x63, 0xC2])
        #expect(try ResponseAPDU(bytes: response.encoded) == response)
        #expect(ResponseAPDU(statusWord: .success).encoded == [0x90, 0x00])
    }

    @Test(arguments: [[], [0x90]] as [[UInt8]])
    func tooShortIsMalformed(bytes: [UInt8]) {
        let error = #expect(throws: SmartCardError.self) {
            try ResponseAPDU(bytes: bytes)
        }
        #expect(error == .malformedResponse(""))
        #expect(error?.message.contains("\(bytes.count) byte(s) received") == true)
        #expect(error?.message.contains("Take the card out and insert it again") == true)
    }
}

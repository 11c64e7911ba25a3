import HexCoding
import SmartCard
import Testing

@Suite struct HexTests {
    // MARK: Parsing

    @Test(arguments: [
        "00 A4 04 00",
        "00a40400",
        "00A40400",
        "00:a4:04:00",
        "  00 A4\n04\t00 ",
        "00 A4\r\n04 00\r\n",
    ])
    func separatorsAndCaseAreIgnored(hex: String) {
        #expect([UInt8](hex: hex) == [0x00, 0xA4, 0x04, 0x00])
    }

    @Test func emptyAndBlankAreNoBytes() {
        #expect([UInt8](hex: "") == [])
        #expect([UInt8](hex: " \n\t: ") == [])
    }

    @Test(arguments: ["0", "0A4", "00 A", "A 00", "F"])
    func oddNumberOfDigitsIsRejected(hex: String) {
        #expect([UInt8](hex: hex) == nil)
    }

    @Test(arguments: ["0G", "0x00", "00-A4", "+1", "-1", "00,A4", "٠١", "０１", "00\u{00A0}A4"])
    func nonHexCharactersAreRejected(hex: String) {
        #expect([UInt8](hex: hex) == nil)
    }

    // MARK: Formatting

    @Test func hexStringIsUpperCaseWithSpaces() {
        #expect([UInt8]().hexString == "")
        #expect([UInt8(0x00)].hexString == "00")
        #expect([0x00, 0x0F, 0xA0, 0xFF, 0x3b].hexString == "00 0F A0 FF 3B")
    }

    @Test func hexStringWorksOnSlices() {
        let bytes: [UInt8] = [0x90, 0x00, 0x61, 0x10]
        #expect(bytes.dropFirst(2).hexString == "61 10")
        #expect(bytes[1...1].hexString == "00")
    }

    @Test func everyByteRoundTrips() {
        let all = (0...255).map { UInt8($0) }
        let text = all.hexString
        #expect(text.count == 256 * 3 - 1)
        #expect([UInt8](hex: text) == all)
        #expect([UInt8](hex: text.lowercased()) == all)
    }
}

import SocialSecurityCard
import Testing

@Suite struct CardNameItemsTests {
    @Test func shortNameFillsItem09AndClearsItem4E() throws {
        let items = try CardNameItems(fitting: "张三")
        #expect(items.name == [0xD5, 0xC5, 0xC8, 0xFD] + Array(repeating: 0, count: 26))
        #expect(items.nameExtension == Array(repeating: 0, count: 20))
        #expect(try items.fullName() == "张三")
    }

    @Test func fifteenChineseCharactersFillItem09Exactly() throws {
        let name = String(repeating: "张", count: 15)
        let items = try CardNameItems(fitting: name)
        #expect(items.name == Array(repeating: [0xD5, 0xC5], count: 15).flatMap { $0 })
        #expect(items.nameExtension == Array(repeating: 0, count: 20))
        #expect(try items.fullName() == name)
    }

    @Test func longNameContinuesInItem4E() throws {
        let name = "阿卜杜热合曼·买买提艾力·吐尔逊江"
        let gbk = try GBK.encode(name)
        #expect(gbk.count == 34)
        let items = try CardNameItems(fitting: name)
        #expect(items.name == Array(gbk.prefix(30)))
        #expect(items.nameExtension == Array(gbk.dropFirst(30)) + Array(repeating: 0, count: 16))
        #expect(try items.fullName() == name)
    }

    @Test func doubleByteCharacterStraddlingByte30MovesWholeIntoItem4E() throws {
        // "A" then 15 Chinese characters: the last one would take bytes 30 and 31.
        let name = "A" + String(repeating: "张", count: 14) + "三"
        let items = try CardNameItems(fitting: name)
        #expect(items.name.count == 30)
        #expect(items.name[28] == 0xC5)
        #expect(items.name[29] == 0x00)
        #expect(items.nameExtension == [0xC8, 0xFD] + Array(repeating: 0, count: 18))
        #expect(try items.fullName() == name)
    }

    @Test func fiftyBytesFitWithoutAStraddle() throws {
        let name = String(repeating: "张", count: 25)
        let items = try CardNameItems(fitting: name)
        #expect(items.nameExtension?.contains(0) == false)
        #expect(try items.fullName() == name)
    }

    @Test func refusesNamesLongerThanBothItems() throws {
        let error = #expect(throws: CardDataError.nameTooLong(byteCount: 0, capacity: 0)) {
            try CardNameItems(fitting: String(repeating: "张", count: 26))
        }
        #expect(error?.message.contains("needs 52 bytes") == true)
        #expect(error?.message.contains("at most 50") == true)
    }

    @Test func fiftyBytesWithAStraddleDoNotFit() throws {
        // 1 + 48 + 1 bytes: the straddle leaves byte 30 empty, so item 4E would need 21 bytes.
        let name = "A" + String(repeating: "张", count: 24) + "B"
        #expect(try GBK.encode(name).count == 50)
        let error = #expect(throws: CardDataError.nameTooLong(byteCount: 0, capacity: 0)) {
            try CardNameItems(fitting: name)
        }
        #expect(error?.message.contains("needs 51 bytes") == true)
    }

    @Test func cardsWithoutItem4EHoldThirtyBytes() throws {
        let fits = try CardNameItems(fitting: String(repeating: "张", count: 15), hasExtension: false)
        #expect(fits.nameExtension == nil)
        let error = #expect(throws: CardDataError.nameTooLong(byteCount: 0, capacity: 0)) {
            try CardNameItems(fitting: String(repeating: "张", count: 16), hasExtension: false)
        }
        #expect(error?.message.contains("needs 32 bytes") == true)
        #expect(error?.message.contains("at most 30") == true)
    }

    @Test func refusesEmptyAndUnencodableNames() throws {
        #expect(throws: CardDataError.emptyName) { try CardNameItems(fitting: "") }
        #expect(throws: CardDataError.notEncodableInGBK([])) { try CardNameItems(fitting: "𠮷祥") }
    }

    @Test func joinsItemsReadFromACard() throws {
        let items = CardNameItems(
            name: [0xD5, 0xC5] + Array(repeating: 0, count: 28), nameExtension: [0xC8, 0xFD, 0x00, 0x00])
        #expect(try items.fullName() == "张三")
        let oneDotZero = CardNameItems(name: [0xD5, 0xC5, 0xC8, 0xFD, 0x00], nameExtension: nil)
        #expect(try oneDotZero.fullName() == "张三")
        let damaged = CardNameItems(name: [0xD5, 0xC5, 0xFF, 0x00], nameExtension: nil)
        #expect(throws: CardDataError.invalidGBK(offset: 0, incomplete: false)) { try damaged.fullName() }
    }
}

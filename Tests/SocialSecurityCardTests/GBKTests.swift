import SocialSecurityCard
import Testing

@Suite struct GBKTests {
    // Code points from the GB 2312 / GBK tables (double-checked with Python's own gbk codec).
    @Test func encodesKnownCharacters() throws {
        #expect(try GBK.encode("张三") == [0xD5, 0xC5, 0xC8, 0xFD])
        #expect(try GBK.encode("王小明") == [0xCD, 0xF5, 0xD0, 0xA1, 0xC3, 0xF7])
        #expect(try GBK.encode("·") == [0xA1, 0xA4])
        #expect(try GBK.encode("Li Lei") == Array("Li Lei".utf8))
        #expect(try GBK.encode("") == [])
    }

    @Test func decodesKnownBytes() throws {
        #expect(try GBK.decode([0xC5, 0xB7, 0xD1, 0xF4, 0xC4, 0xC8, 0xC4, 0xC8]) == "欧阳娜娜")
        #expect(try GBK.decode([]) == "")
    }

    @Test(arguments: ["王伟", "李娜", "欧阳秀英", "司马建国", "张喆", "李堃", "买买提·艾力", "Zhang San", "刘〇"])
    func roundTripsNames(name: String) throws {
        #expect(try GBK.decode(GBK.encode(name)) == name)
    }

    @Test func refusesCharactersOutsideGBKNamingThemAndTheirPositions() throws {
        let error = #expect(throws: CardDataError.notEncodableInGBK([])) { try GBK.encode("𠮷祥") }
        #expect(error?.message.contains("'𠮷' (U+20BB7) at position 1") == true)
        #expect(error?.message.contains("?") == false)

        let several = #expect(throws: CardDataError.self) { try GBK.encode("王𠮷明𪚥") }
        #expect(several?.message.contains("'𠮷' (U+20BB7) at position 2") == true)
        #expect(several?.message.contains("'𪚥' (U+2A6A5) at position 4") == true)
        #expect(several?.message.contains("王") == false)
    }

    @Test func refusesExtensionACharactersAbsentFromGBK() throws {
        let error = #expect(throws: CardDataError.self) { try GBK.encode("刘䶮") }
        #expect(error?.message.contains("U+4DAE) at position 2") == true)
    }

    @Test func refusesBytesThatAreNotGBK() throws {
        let bad = #expect(throws: CardDataError.invalidGBK(offset: 0, incomplete: false)) {
            try GBK.decode([0xD5, 0xC5, 0x81, 0x20])
        }
        #expect(bad?.message.contains("offset 2") == true)
        #expect(throws: CardDataError.invalidGBK(offset: 0, incomplete: false)) { try GBK.decode([0xFF]) }
        let cut = #expect(throws: CardDataError.self) { try GBK.decode([0xD5, 0xC5, 0xC8]) }
        #expect(cut?.message.contains("ends in the middle of a character") == true)
    }

    /// Descriptors are kept for later calls: one that just failed must serve the next call whole.
    @Test func aConversionThatFailedLeavesNothingForTheNext() throws {
        for _ in 0..<3 {
            #expect(throws: CardDataError.self) { try GBK.decode([0xD5, 0xC5, 0xC8]) }
            #expect(try GBK.decode([0xD5, 0xC5, 0xC8, 0xFD]) == "张三")
            #expect(throws: CardDataError.self) { try GBK.encode("王𠮷") }
            #expect(try GBK.encode("王伟") == [0xCD, 0xF5, 0xCE, 0xB0])
        }
    }

    @Test func isSafeToCallConcurrently() async throws {
        let names = ["王伟", "李娜", "欧阳秀英", "买买提·艾力"]
        let expected = try names.map(GBK.encode)
        let results = try await withThrowingTaskGroup(of: (Int, [UInt8], String).self) { group in
            for index in 0..<400 {
                group.addTask {
                    let name = names[index % names.count]
                    let bytes = try GBK.encode(name)
                    return (index, bytes, try GBK.decode(bytes))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 400)
        for (index, bytes, text) in results {
            #expect(bytes == expected[index % names.count])
            #expect(text == names[index % names.count])
        }
    }
}

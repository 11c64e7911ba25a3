import SocialSecurityCard
import Testing

@Suite struct TLVTests {
    @Test func parsesOneItemRecord() throws {
        let record: [UInt8] = [0x03, 0x04, 0x33, 0x2E, 0x30, 0x30]
        #expect(try TLV.parse(record: record) == [TLV(tag: 0x03, value: Array("3.00".utf8))])
    }

    @Test func parsesSeveralItemsInOrder() throws {
        let record: [UInt8] = [0x02, 0x01, 0x33, 0x4E, 0x00, 0x05, 0x04, 0x20, 0x24, 0x02, 0x29]
        #expect(
            try TLV.parse(record: record) == [
                TLV(tag: 0x02, value: [0x33]), TLV(tag: 0x4E, value: []),
                TLV(tag: 0x05, value: [0x20, 0x24, 0x02, 0x29]),
            ])
        #expect(try TLV.parse(record: []) == [])
    }

    @Test func encodesAndParsesBack() throws {
        let items = [
            TLV(tag: 0x07, value: Array("A12345674".utf8)), TLV(tag: 0x0A, value: [0x31]),
            TLV(tag: 0x09, value: Array(repeating: 0, count: 30)),
        ]
        let record = try TLV.encode(items)
        #expect(record.count == 11 + 3 + 32)
        #expect(Array(record.prefix(2)) == [0x07, 0x09])
        #expect(try TLV.parse(record: record) == items)
    }

    @Test(arguments: [
        (0, [0x0C, 0x00] as [UInt8]), (127, [0x0C, 0x7F]), (128, [0x0C, 0x81, 0x80]), (255, [0x0C, 0x81, 0xFF]),
    ])
    func lengthForms(length: Int, header: [UInt8]) throws {
        let item = TLV(tag: 0x0C, value: Array(repeating: 0x5A, count: length))
        let encoded = try item.encoded()
        #expect(Array(encoded.prefix(header.count)) == header)
        #expect(encoded.count == header.count + length)
        #expect(try TLV.parse(record: encoded) == [item])
    }

    @Test func refusesItemsTooLongForARecord() throws {
        let error = #expect(throws: CardDataError.itemTooLong(tag: 0, length: 0)) {
            try TLV(tag: 0x0C, value: Array(repeating: 0, count: 256)).encoded()
        }
        #expect(error?.message.contains("Item 0C holds 256 bytes") == true)
    }

    @Test(arguments: [[0x07] as [UInt8], [0x03, 0x01, 0x33, 0x07], [0x07, 0x81]])
    func refusesRecordsCutInsideAHeader(record: [UInt8]) {
        #expect(throws: CardDataError.recordTruncated(offset: 0)) { try TLV.parse(record: record) }
    }

    @Test func refusesLengthsRunningPastTheRecord() throws {
        let error = #expect(throws: CardDataError.recordLengthOverrun(tag: 0, length: 0, available: 0)) {
            try TLV.parse(record: [0x07, 0x09, 0x41, 0x31, 0x32])
        }
        #expect(error?.message.contains("Item 07") == true)
        #expect(error?.message.contains("announces 9 bytes but only 3 follow") == true)
        #expect(throws: CardDataError.recordLengthOverrun(tag: 0, length: 0, available: 0)) {
            try TLV.parse(record: [0x0C, 0x81, 0x80] + Array(repeating: 0, count: 127))
        }
    }

    @Test(arguments: [0x80, 0x82, 0xFF] as [UInt8])
    func refusesOtherLengthForms(lengthByte: UInt8) throws {
        let error = #expect(throws: CardDataError.unsupportedLengthForm(tag: 0, lengthByte: 0)) {
            try TLV.parse(record: [0x09, lengthByte] + Array(repeating: 0, count: 300))
        }
        #expect(error?.message.contains("Item 09") == true)
    }
}

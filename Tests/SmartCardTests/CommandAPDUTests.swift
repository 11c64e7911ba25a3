import HexCoding
import SmartCard
import TestSupport
import Testing

@Suite struct CommandAPDUTests {
    // MARK: Encoding, short form (ISO 7816-4 §5.1, cases 1S to 4S)

    @Test func case1IsTheHeaderAlone() throws {
        let apdu = CommandAPDU(ins: 0xA4, p1: 0x04, p2: 0x00)
        #expect(apdu.apduCase == .noDataNoResponse)
        #expect(!apdu.isExtended)
        #expect(try apdu.encoded() == bytes("00 A4 04 00"))
    }

    @Test func case2ShortCarriesLe() throws {
        // GET CHALLENGE for 8 bytes, as CARD.md writes it.
        let challenge = CommandAPDU(ins: 0x84, expectedLength: 8)
        #expect(challenge.apduCase == .responseOnly)
        #expect(!challenge.isExtended)
        #expect(try challenge.encoded() == bytes("00 84 00 00 08"))

        let one = CommandAPDU(ins: 0xB0, expectedLength: 1)
        #expect(try one.encoded() == bytes("00 B0 00 00 01"))
        let max = CommandAPDU(ins: 0xB0, expectedLength: 255)
        #expect(try max.encoded() == bytes("00 B0 00 00 FF"))
    }

    @Test func le256IsShortZero() throws {
        let apdu = CommandAPDU(ins: 0xB0, p1: 0x01, p2: 0x02, expectedLength: 256)
        #expect(!apdu.isExtended)
        #expect(try apdu.encoded() == bytes("00 B0 01 02 00"))
    }

    @Test func case3ShortCarriesLcAndData() throws {
        // SELECT the MF by FID, no response data wanted (P2 = 0C).
        let apdu = CommandAPDU(ins: 0xA4, p2: 0x0C, data: [0x3F, 0x00])
        #expect(apdu.apduCase == .dataOnly)
        #expect(!apdu.isExtended)
        #expect(try apdu.encoded() == bytes("00 A4 00 0C 02 3F 00"))
    }

    @Test func case4ShortCarriesLcDataAndLe() throws {
        let aid = try bytes("A0 00 00 00 03 10 10")
        let apdu = CommandAPDU(ins: 0xA4, p1: 0x04, data: aid, expectedLength: 256)
        #expect(apdu.apduCase == .dataAndResponse)
        #expect(!apdu.isExtended)
        #expect(try apdu.encoded() == bytes("00 A4 04 00 07 A0 00 00 00 03 10 10 00"))

        let small = CommandAPDU(cla: 0x80, ins: 0x5E, p1: 0x01, data: [0x12, 0x34], expectedLength: 0x10)
        #expect(try small.encoded() == bytes("80 5E 01 00 02 12 34 10"))
    }

    @Test func lc255AndLe256AreTheLargestShortLengths() throws {
        let data = [UInt8](repeating: 0x5A, count: 255)
        let apdu = CommandAPDU(ins: 0xD6, data: data, expectedLength: 256)
        #expect(!apdu.isExtended)
        let encoded = try apdu.encoded()
        #expect(encoded.count == 4 + 1 + 255 + 1)
        #expect(Array(encoded.prefix(5)) == [0x00, 0xD6, 0x00, 0x00, 0xFF])
        #expect(encoded.last == 0x00)
    }

    // MARK: Encoding, extended form (cases 2E to 4E)

    @Test func le257ForcesExtendedCase2() throws {
        let apdu = CommandAPDU(ins: 0xB0, expectedLength: 257)
        #expect(apdu.isExtended)
        #expect(try apdu.encoded() == bytes("00 B0 00 00 00 01 01"))
    }

    @Test func le65536IsExtendedZero() throws {
        let apdu = CommandAPDU(ins: 0xB0, expectedLength: 65_536)
        #expect(apdu.isExtended)
        #expect(try apdu.encoded() == bytes("00 B0 00 00 00 00 00"))

        let almost = CommandAPDU(ins: 0xB0, expectedLength: 65_535)
        #expect(try almost.encoded() == bytes("00 B0 00 00 00 FF FF"))
    }

    @Test func lc256ForcesExtendedCase3() throws {
        let data = (0..<256).map { UInt8($0) }
        let apdu = CommandAPDU(ins: 0xD6, data: data)
        #expect(apdu.apduCase == .dataOnly)
        #expect(apdu.isExtended)
        #expect(try apdu.encoded() == bytes("00 D6 00 00 00 01 00") + data)
    }

    @Test func lcOver255ForcesExtendedLeToo() throws {
        let data = [UInt8](repeating: 0xEE, count: 300)
        // 300 = 01 2C; Le 256 would be short 00, but after an extended Lc it is extended 01 00.
        let apdu = CommandAPDU(ins: 0xEE, data: data, expectedLength: 256)
        #expect(apdu.apduCase == .dataAndResponse)
        #expect(apdu.isExtended)
        #expect(try apdu.encoded() == bytes("00 EE 00 00 00 01 2C") + data + bytes("01 00"))

        let all = CommandAPDU(ins: 0xEE, data: data, expectedLength: 65_536)
        #expect(try all.encoded() == bytes("00 EE 00 00 00 01 2C") + data + bytes("00 00"))
    }

    @Test func leOver256ForcesExtendedLcToo() throws {
        let apdu = CommandAPDU(ins: 0xEE, data: [0xAB, 0xCD], expectedLength: 0x1234)
        #expect(apdu.isExtended)
        #expect(try apdu.encoded() == bytes("00 EE 00 00 00 00 02 AB CD 12 34"))
    }

    @Test func largestDataFieldEncodes() throws {
        let data = [UInt8](repeating: 0x01, count: CommandAPDU.maximumDataLength)
        let encoded = try CommandAPDU(ins: 0xD6, data: data).encoded()
        #expect(try Array(encoded.prefix(7)) == bytes("00 D6 00 00 00 FF FF"))
        #expect(encoded.count == 7 + 65_535)
    }

    @Test func getResponseAsksForTheAnnouncedLength() throws {
        #expect(try CommandAPDU.getResponse(length: 0x2C).encoded() == bytes("00 C0 00 00 2C"))
        #expect(try CommandAPDU.getResponse(cla: 0x01, length: 256).encoded() == bytes("01 C0 00 00 00"))
    }

    // MARK: Encoding errors

    @Test(arguments: [0, -1, 65_537, Int.max, Int.min])
    func expectedLengthOutOfRangeIsRejected(length: Int) {
        let error = #expect(throws: SmartCardError.self) {
            try CommandAPDU(ins: 0xB0, expectedLength: length).encoded()
        }
        #expect(error == .malformedCommand(""))
        #expect(error?.message.contains("\(length)") == true)
    }

    @Test func dataOver65535IsRejected() {
        let data = [UInt8](repeating: 0, count: CommandAPDU.maximumDataLength + 1)
        let error = #expect(throws: SmartCardError.self) {
            try CommandAPDU(ins: 0xD6, data: data).encoded()
        }
        #expect(error == .malformedCommand(""))
        #expect(error?.message.contains("65536 data bytes") == true)
    }

    // MARK: Parsing

    @Test(arguments: [
        CommandAPDU(ins: 0xA4, p1: 0x04),
        CommandAPDU(cla: 0x84, ins: 0x16, p1: 0x12, p2: 0x34),
        CommandAPDU(ins: 0x84, expectedLength: 8),
        CommandAPDU(ins: 0xB0, expectedLength: 1),
        CommandAPDU(ins: 0xB0, expectedLength: 255),
        CommandAPDU(ins: 0xB0, expectedLength: 256),
        CommandAPDU(ins: 0xB0, expectedLength: 257),
        CommandAPDU(ins: 0xB0, expectedLength: 65_535),
        CommandAPDU(ins: 0xB0, expectedLength: 65_536),
        CommandAPDU(ins: 0xA4, p2: 0x0C, data: [0x3F, 0x00]),
        CommandAPDU(ins: 0xD6, data: [0x42]),
        CommandAPDU(ins: 0xD6, data: Array(repeating: 0x42, count: 255)),
        CommandAPDU(ins: 0xD6, data: Array(repeating: 0x42, count: 256)),
        CommandAPDU(ins: 0xD6, data: Array(repeating: 0x42, count: 65_535)),
        CommandAPDU(ins: 0xA4, p1: 0x04, data: [0xA0, 0x00, 0x00, 0x00, 0x03], expectedLength: 256),
        CommandAPDU(ins: 0xEE, data: [0x00], expectedLength: 1),
        CommandAPDU(ins: 0xEE, data: Array(repeating: 0x00, count: 255), expectedLength: 256),
        CommandAPDU(ins: 0xEE, data: [0x00, 0x00], expectedLength: 257),
        CommandAPDU(ins: 0xEE, data: Array(repeating: 0xFF, count: 256), expectedLength: 1),
        CommandAPDU(ins: 0xEE, data: Array(repeating: 0xFF, count: 300), expectedLength: 65_536),
    ])
    func parseRoundTrips(apdu: CommandAPDU) throws {
        let encoded = try apdu.encoded()
        let parsed = try CommandAPDU(bytes: encoded)
        #expect(parsed == apdu)
        #expect(parsed.apduCase == apdu.apduCase)
        #expect(parsed.isExtended == apdu.isExtended)
        #expect(try parsed.encoded() == encoded)
    }

    @Test func parsesKnownBytes() throws {
        let select = try CommandAPDU(bytes: bytes("00 A4 04 00 07 A0 00 00 00 03 10 10 00"))
        #expect(select.cla == 0x00)
        #expect(select.ins == 0xA4)
        #expect(select.p1 == 0x04)
        #expect(select.p2 == 0x00)
        #expect(try select.data == bytes("A0 00 00 00 03 10 10"))
        #expect(select.expectedLength == 256)

        let readAll = try CommandAPDU(bytes: bytes("00 B0 00 00 00 00 00"))
        #expect(readAll.data.isEmpty)
        #expect(readAll.expectedLength == 65_536)

        let case1 = try CommandAPDU(bytes: bytes("80 CA 9F 7F"))
        #expect(case1 == CommandAPDU(cla: 0x80, ins: 0xCA, p1: 0x9F, p2: 0x7F))
    }

    @Test func parsesAnyCollection() throws {
        let framed = try bytes("FF 00 84 00 00 08 FF")
        let apdu = try CommandAPDU(bytes: framed.dropFirst().dropLast())
        #expect(apdu == CommandAPDU(ins: 0x84, expectedLength: 8))
    }

    @Test func extendedFormWithSmallLengthsIsAcceptedAndReencodedShort() throws {
        // ISO 7816-4 lets extended fields carry any length, so a terminal that always sends
        // extended APDUs is understood; the encoder then picks the short form.
        let case2 = try CommandAPDU(bytes: bytes("00 B0 00 00 00 00 05"))
        #expect(case2 == CommandAPDU(ins: 0xB0, expectedLength: 5))
        #expect(try case2.encoded() == bytes("00 B0 00 00 05"))

        let case4 = try CommandAPDU(bytes: bytes("00 EE 00 00 00 00 01 AA 01 00"))
        #expect(case4 == CommandAPDU(ins: 0xEE, data: [0xAA], expectedLength: 256))
        #expect(try case4.encoded() == bytes("00 EE 00 00 01 AA 00"))
    }

    // MARK: Malformed commands

    @Test(arguments: ["", "00", "00 A4", "00 A4 04"])
    func tooShortForAHeader(hex: String) throws {
        try expectMalformed(hex, mentioning: "too short for a header")
    }

    @Test func truncatedShortBody() throws {
        try expectMalformed("00 A4 00 0C 02 3F", mentioning: "Lc is 2 but 1 bytes follow it")
        try expectMalformed("00 D6 00 00 FF 01", mentioning: "Lc is 255 but 1 bytes follow it")
    }

    @Test func shortLcMismatch() throws {
        // Lc 2 with 2 data bytes, Le, and one byte too many.
        try expectMalformed("00 A4 00 0C 02 3F 00 00 00", mentioning: "Lc is 2 but 4 bytes follow it")
        try expectMalformed("00 A4 00 0C 01 3F 00 00", mentioning: "Lc is 1 but 3 bytes follow it")
    }

    @Test func truncatedExtendedLengthField() throws {
        try expectMalformed("00 B0 00 00 00 01", mentioning: "extended length field is truncated")
        try expectMalformed("00 B0 00 00 00 00", mentioning: "extended length field is truncated")
    }

    @Test func extendedLcOfZero() throws {
        try expectMalformed("00 D6 00 00 00 00 00 AA", mentioning: "extended Lc is 0")
        try expectMalformed("00 D6 00 00 00 00 00 00 00", mentioning: "extended Lc is 0")
    }

    @Test func extendedLcMismatch() throws {
        // Lc 256 with only 10 data bytes.
        let short = try bytes("00 D6 00 00 00 01 00") + [UInt8](repeating: 0, count: 10)
        try expectMalformed(short, mentioning: "extended Lc is 256 but 10 bytes follow it")
        // Lc 2, data, and a one-byte Le where extended needs two.
        try expectMalformed("00 EE 00 00 00 00 02 AB CD 10", mentioning: "extended Lc is 2 but 3 bytes follow it")
        // Lc 2, data, and a three-byte Le.
        try expectMalformed("00 EE 00 00 00 00 02 AB CD 00 01 00", mentioning: "but 5 bytes follow it")
    }

    // MARK: Random bytes

    @Test func randomBytesNeverTrapAndParsesReencode() throws {
        var rng = SeededGenerator(seed: 0x5353_4B49_4F53_4B21)
        var parsed = 0
        var rejected = 0
        for round in 0..<4000 {
            let input = randomCommandBytes(round: round, using: &rng)
            let apdu: CommandAPDU
            do {
                apdu = try CommandAPDU(bytes: input)
            } catch {
                rejected += 1
                #expect(error == .malformedCommand(""), "\(input.hexString)")
                continue
            }
            parsed += 1
            let reencoded = try apdu.encoded()
            let body = input.dropFirst(4)
            let sentExtended = body.count >= 3 && body.first == 0x00
            if !sentExtended || apdu.isExtended {
                #expect(reencoded == input, "\(input.hexString)")
            } else {
                // A legal but unnecessary extended form: re-encoded shorter, meaning the same.
                #expect(reencoded.count < input.count, "\(input.hexString)")
                #expect(try CommandAPDU(bytes: reencoded) == apdu, "\(input.hexString)")
            }
        }
        // Both paths must have been exercised for the loop to prove anything.
        #expect(parsed > 1000)
        #expect(rejected > 1000)
    }
}

// MARK: Helpers

/// Inputs that reach every branch of the parser: pure noise, valid encodings, and valid
/// encodings with a length byte changed or the tail cut or extended.
private func randomCommandBytes(round: Int, using rng: inout SeededGenerator) -> [UInt8] {
    func noise(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) } }
    switch round % 4 {
    case 0:
        return noise(Int.random(in: 0...12, using: &rng))
    default:
        let dataCount = Bool.random(using: &rng) ? 0 : Int.random(in: 1...(round % 4 == 3 ? 600 : 40), using: &rng)
        let expected: Int? =
            switch Int.random(in: 0...3, using: &rng) {
            case 0: nil
            case 1: Int.random(in: 1...256, using: &rng)
            case 2: Int.random(in: 257...65_536, using: &rng)
            default: [256, 65_536].randomElement(using: &rng)
            }
        let header = noise(4)
        let apdu = CommandAPDU(
            cla: header[0], ins: header[1], p1: header[2], p2: header[3], data: noise(dataCount),
            expectedLength: expected)
        var bytes = (try? apdu.encoded()) ?? header
        guard round % 4 != 1 else { return bytes }
        switch Int.random(in: 0...3, using: &rng) {
        case 0 where bytes.count > 4:
            bytes[Int.random(in: 4..<min(bytes.count, 7), using: &rng)] = UInt8.random(in: 0...255, using: &rng)
        case 1:
            bytes.removeLast(Int.random(in: 0...min(bytes.count, 3), using: &rng))
        case 2:
            bytes += noise(Int.random(in: 1...3, using: &rng))
        default:
            // An unnecessary extended form of a short APDU, which ISO 7816-4 allows.
            if !apdu.isExtended, apdu.apduCase != .noDataNoResponse {
                bytes = header + [0x00]
                if !apdu.data.isEmpty { bytes += [0x00, UInt8(apdu.data.count)] + apdu.data }
                if let ne = apdu.expectedLength { bytes += [UInt8(ne >> 8), UInt8(ne & 0xFF)] }
            }
        }
        return bytes
    }
}

private func bytes(_ hex: String) throws -> [UInt8] {
    try #require([UInt8](hex: hex))
}

private func expectMalformed(
    _ hex: String,
    mentioning fragment: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    try expectMalformed(bytes(hex), mentioning: fragment, sourceLocation: sourceLocation)
}

private func expectMalformed(
    _ raw: [UInt8],
    mentioning fragment: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let error = #expect(throws: SmartCardError.self, sourceLocation: sourceLocation) {
        try CommandAPDU(bytes: raw)
    }
    guard let error else { return }
    #expect(error == .malformedCommand(""), sourceLocation: sourceLocation)
    #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
}

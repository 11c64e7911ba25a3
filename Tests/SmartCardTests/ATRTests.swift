import HexCoding
import SmartCard
import Testing

@Suite struct ATRTests {
    // MARK: Well-formed ATRs

    @Test func socialSecurityCardIsT0WithThirteenHistoricalBytes() throws {
        let atr = try parse("3B 6D 00 00 00 81 4A 44 46 86 60 51 99 00 00 01 AC")
        #expect(atr.convention == .direct)
        // T0 = 6D: Y1 = 6 announces TB1 and TC1, K = 13.
        #expect(atr.interfaceBytes == [ATR.InterfaceBytes(tb: 0x00, tc: 0x00)])
        #expect(atr.historicalBytes == [0x00, 0x81, 0x4A, 0x44, 0x46, 0x86, 0x60, 0x51, 0x99, 0x00, 0x00, 0x01, 0xAC])
        #expect(atr.protocols == [0])
        #expect(atr.tck == nil)
        // No TA1: the defaults.
        #expect(atr.fi == 372)
        #expect(atr.di == 1)
        #expect(atr.fMax == 5)
        #expect(atr.extraGuardTime == 0)
        #expect(atr.specificMode == nil)
        #expect(atr.bytes.count == 17)
        #expect(atr.logicalBytes == atr.bytes)
    }

    @Test func yubiKeyIsT1WithValidTCK() throws {
        let hex = "3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34 D4"
        let raw = try #require([UInt8](hex: hex))
        // Independent check of the TCK: T0 through TCK XOR to zero.
        #expect(raw.dropFirst().reduce(0, ^) == 0)

        let atr = try ATR(bytes: raw)
        #expect(atr.convention == .direct)
        #expect(
            atr.interfaceBytes == [
                ATR.InterfaceBytes(ta: 0x13, tb: 0x00, tc: 0x00, td: 0x81),
                ATR.InterfaceBytes(td: 0x31),
                ATR.InterfaceBytes(ta: 0xFE, tb: 0x15),
            ])
        #expect(atr.interfaceBytes.map(\.indicatedProtocol) == [1, 1, nil])
        #expect(atr.protocols == [1])
        #expect(String(decoding: atr.historicalBytes, as: UTF8.self) == "Yubikey4")
        #expect(atr.tck == 0xD4)
        #expect(atr.fi == 372)
        #expect(atr.di == 4)
        #expect(atr.fMax == 5)
        #expect(atr.specificMode == nil)
    }

    @Test func estonianIDOffersT0AndT1AndSkipsT15() throws {
        let atr = try parse("3B FE 94 00 FF 80 B1 FA 45 1F 03 45 73 74 45 49 44 20 76 65 72 20 31 2E 30 43")
        #expect(
            atr.interfaceBytes == [
                ATR.InterfaceBytes(ta: 0x94, tb: 0x00, tc: 0xFF, td: 0x80),
                ATR.InterfaceBytes(td: 0xB1),
                ATR.InterfaceBytes(ta: 0xFA, tb: 0x45, td: 0x1F),  // TD2 = B1: TA3, TB3, TD3
                ATR.InterfaceBytes(ta: 0x03),
            ])
        // TD3 says T=15 (global bytes follow); that is not a protocol a reader can pick.
        #expect(atr.interfaceBytes.map(\.indicatedProtocol) == [0, 1, 15, nil])
        #expect(atr.protocols == [0, 1])
        #expect(String(decoding: atr.historicalBytes, as: UTF8.self) == "EstEID ver 1.0")
        #expect(atr.tck == 0x43)
        #expect(atr.fi == 512)
        #expect(atr.di == 8)
        #expect(atr.fMax == 5)
        #expect(atr.extraGuardTime == 255)
    }

    @Test func repeatedProtocolIsListedOnce() throws {
        // TD1 and TD2 both say T=1; TCK = 80 ^ 81 ^ 01 = 00.
        let atr = try parse("3B 80 81 01 00")
        #expect(atr.protocols == [1])
        #expect(atr.interfaceBytes.count == 3)
        #expect(atr.interfaceBytes[2] == ATR.InterfaceBytes())
    }

    @Test func ta13GivesFi372Di4() throws {
        let atr = try parse("3B 10 13")
        #expect(atr.interfaceBytes == [ATR.InterfaceBytes(ta: 0x13)])
        #expect(atr.fi == 372)
        #expect(atr.di == 4)
        #expect(atr.fMax == 5)
        #expect(atr.historicalBytes.isEmpty)
    }

    @Test(arguments: [
        (UInt8(0x11), 372 as Int?, 1 as Int?, 5.0 as Double?),
        (0x01, 372, 1, 4),
        (0x96, 512, 32, 5),
        (0xA8, 768, 12, 7.5),
        (0xD9, 2048, 20, 20),
        (0x67, 1860, 64, 20),
        (0x70, nil, nil, nil),  // Fi index 7 and Di index 0 are RFU
        (0x1A, 372, nil, 5),  // Di index A is RFU
        (0xE1, nil, 1, nil),  // Fi index E is RFU
    ])
    func ta1Table(ta1: UInt8, fi: Int?, di: Int?, fMax: Double?) throws {
        let atr = try ATR(bytes: [0x3B, 0x10, ta1])
        #expect(atr.fi == fi)
        #expect(atr.di == di)
        #expect(atr.fMax == fMax)
    }

    @Test func specificModeFromTA2() throws {
        // TD1 = 11 announces TA2 for T=1; TA2 = 81: cannot change, Fi/Di from TA1, T=1. TCK = 80 ^ 11 ^ 81.
        let fixed = try parse("3B 80 11 81 10")
        #expect(
            fixed.specificMode == ATR.SpecificMode(transmissionProtocol: 1, canChange: false, usesTA1Parameters: true))
        #expect(fixed.tck == 0x10)

        // TA2 = 10: can change, implicit parameters, T=0; only T=0 indicated, so no TCK.
        let changeable = try parse("3B 80 10 10")
        #expect(
            changeable.specificMode
                == ATR.SpecificMode(transmissionProtocol: 0, canChange: true, usesTA1Parameters: false))
        #expect(changeable.tck == nil)
        #expect(changeable.protocols == [0])
    }

    @Test func longestAllowedATRParses() throws {
        // Four levels of interface bytes (15), 15 historical bytes and TCK: 33 bytes.
        var raw: [UInt8] = [
            0x3B, 0xFF, 0x11, 0x00, 0x00, 0xF1, 0x00, 0x00, 0x00, 0xF1, 0x00, 0x00, 0x00, 0x71, 0x00, 0x00, 0x00,
        ]
        raw += Array("ABCDEFGHIJKLMNO".utf8)
        raw.append(raw.dropFirst().reduce(0, ^))
        #expect(raw.count == ATR.maximumLength)

        let atr = try ATR(bytes: raw)
        #expect(atr.interfaceBytes.count == 4)
        #expect(atr.historicalBytes == Array("ABCDEFGHIJKLMNO".utf8))
        #expect(atr.protocols == [1])
    }

    @Test func acceptsAnyCollection() throws {
        let raw = try #require([UInt8](hex: "00 3B 10 13 00"))
        let atr = try ATR(bytes: raw[1...3])
        #expect(atr.bytes == [0x3B, 0x10, 0x13])
    }

    // MARK: Inverse convention

    @Test func inverseConventionFromReaderIsAlreadyDecoded() throws {
        // What PC/SC reports for an inverse-convention card: TS reads 3F because the reader decoded it,
        // and so did the rest. (A French card ATR from public ATR lists.)
        let atr = try parse("3F 67 25 00 21 20 00 0F 78 90 00")
        #expect(atr.convention == .inverse)
        #expect(atr.logicalBytes == atr.bytes)
        #expect(atr.interfaceBytes == [ATR.InterfaceBytes(tb: 0x25, tc: 0x00)])
        #expect(atr.historicalBytes == [0x21, 0x20, 0x00, 0x0F, 0x78, 0x90, 0x00])
        #expect(atr.protocols == [0])
        #expect(atr.tck == nil)
    }

    @Test func undecodedInverseCaptureIsConverted() throws {
        let logical = try #require([UInt8](hex: "3F 67 25 00 21 20 00 0F 78 90 00"))
        // The same card captured as line bits read in direct convention: each byte bit-reversed and complemented.
        let raw = try #require([UInt8](hex: "03 19 5B FF 7B FB FF 0F E1 F6 FF"))
        #expect(raw == logical.map(flipConvention))

        let atr = try ATR(bytes: raw)
        #expect(atr.convention == .inverse)
        #expect(atr.bytes == raw)
        #expect(atr.logicalBytes == logical)
        #expect(atr.interfaceBytes == [ATR.InterfaceBytes(tb: 0x25, tc: 0x00)])
        #expect(atr.historicalBytes == [0x21, 0x20, 0x00, 0x0F, 0x78, 0x90, 0x00])
        #expect(atr.protocols == [0])
        #expect(atr.description.contains("inverse convention"))
    }

    @Test func undecodedInverseCaptureChecksTCKOnDecodedValues() throws {
        let logical: [UInt8] = [0x3F, 0x80, 0x11, 0x81, 0x10]
        let raw = logical.map(flipConvention)
        #expect(raw == [0x03, 0xFE, 0x77, 0x7E, 0xF7])

        let atr = try ATR(bytes: raw)
        #expect(atr.tck == 0x10)
        #expect(atr.protocols == [1])
        #expect(atr.specificMode?.transmissionProtocol == 1)

        var corrupted = raw
        corrupted[4] = flipConvention(0x11)
        expectMalformed(corrupted, mentioning: "TCK is 11", "require 10")
    }

    @Test func halfDecodedInverseIsNotGuessed() throws {
        // TS decoded but the rest left raw is no form a reader produces; it is parsed as character
        // values like any 3F ATR, and here that fails, rather than being silently re-decoded.
        let raw = try #require([UInt8](hex: "3F 19 5B FF 7B FB FF 0F E1 F6 FF"))
        expectMalformed(raw, mentioning: "9 historical bytes", "only 8")
    }

    // MARK: Description

    @Test func descriptionSummarises() throws {
        let atr = try parse("3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34 D4")
        #expect(
            atr.description
                == "ATR 3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34 D4: direct convention, T=1, Fi=372, Di=4, historical bytes 59 75 62 69 6B 65 79 34"
        )

        let dual = try parse("3B FE 94 00 FF 80 B1 FA 45 1F 03 45 73 74 45 49 44 20 76 65 72 20 31 2E 30 43")
        #expect(dual.description.contains("T=0/T=1, Fi=512, Di=8"))

        let rfu = try parse("3B 10 70")
        #expect(rfu.description.hasSuffix("direct convention, T=0, Fi=RFU, Di=RFU, historical bytes none"))
    }

    // MARK: Malformed ATRs

    @Test func emptyIsRejected() {
        expectMalformed([], mentioning: "empty")
    }

    @Test func badTSIsRejected() {
        expectMalformed([0x3A, 0x00], mentioning: "TS is 3A")
        expectMalformed([0x00], mentioning: "TS is 00")
    }

    @Test func missingT0IsRejected() {
        expectMalformed([0x3B], mentioning: "T0 is missing")
    }

    @Test func truncatedInterfaceBytesAreRejected() throws {
        expectMalformed(try bytes("3B F8 13 00"), mentioning: "T0 announces TC1")
        expectMalformed(try bytes("3B F8 13 00 00 81"), mentioning: "TD1 announces TD2")
        expectMalformed(try bytes("3B F8 13 00 00 81 31 FE"), mentioning: "TD2 announces TB3")
    }

    @Test func truncatedHistoricalBytesAreRejected() throws {
        expectMalformed(try bytes("3B 6D 00 00 00 81 4A"), mentioning: "13 historical bytes", "only 3")
        expectMalformed(try bytes("3B 6D 00 00 00 81 4A 44 46 86 60 51 99 00 00 01"), mentioning: "only 12")
    }

    @Test func missingTCKIsRejected() throws {
        expectMalformed(
            try bytes("3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34"), mentioning: "TCK is missing", "T=1")
        // T=15 alone, after T=0, still requires TCK.
        expectMalformed(try bytes("3B 80 0F"), mentioning: "TCK is missing", "T=15")
    }

    @Test func wrongTCKIsRejected() throws {
        expectMalformed(
            try bytes("3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34 D5"), mentioning: "TCK is D5", "require D4")
    }

    @Test func trailingBytesAreRejected() throws {
        expectMalformed(
            try bytes("3B 6D 00 00 00 81 4A 44 46 86 60 51 99 00 00 01 AC 00"),
            mentioning: "1 unexpected byte follows the historical bytes")
        expectMalformed(
            try bytes("3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34 D4 90 00"),
            mentioning: "2 unexpected bytes follow TCK")
    }

    @Test func longerThan33BytesIsRejected() {
        let raw: [UInt8] = [0x3B, 0x0F] + Array(repeating: 0x41, count: 32)
        #expect(raw.count == 34)
        expectMalformed(raw, mentioning: "34 bytes long", "at most 33")
    }

    @Test(arguments: 0...0xFF)
    func neverCrashesOnShortPrefixes(t0: Int) {
        // Every T0 with a few trailing bytes of each kind: either a parse or a malformedATR, never a trap.
        for filler in [0x00, 0xFF] as [UInt8] {
            for extra in 0...6 {
                let raw: [UInt8] = [0x3B, UInt8(t0)] + Array(repeating: filler, count: extra)
                do {
                    _ = try ATR(bytes: raw)
                } catch {
                    #expect(error == .malformedATR(""))
                }
            }
        }
    }
}

// MARK: Helpers

private func bytes(_ hex: String) throws -> [UInt8] {
    try #require([UInt8](hex: hex))
}

private func parse(_ hex: String) throws -> ATR {
    try ATR(bytes: bytes(hex))
}

/// Bit-reverse and complement, written out bit by bit to check the parser's own conversion independently.
private func flipConvention(_ byte: UInt8) -> UInt8 {
    var result: UInt8 = 0
    for bit in 0..<8 where byte & (1 << bit) != 0 {
        result |= 1 << (7 - bit)
    }
    return ~result
}

private func expectMalformed(
    _ raw: [UInt8],
    mentioning fragments: String...,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let error = #expect(throws: SmartCardError.self, sourceLocation: sourceLocation) {
        try ATR(bytes: raw)
    }
    guard let error else { return }
    #expect(error == .malformedATR(""), sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
    }
}

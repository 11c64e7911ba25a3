import CardSimulator
import HexCoding
import Testing

@testable import SmartCard

@Suite struct CardChannelTests {
    // MARK: Against the simulator's TestCard

    @Test func chained61xxIsFetchedAndConcatenated() async throws {
        let card = InProcessCardChannel(card: TestCard())
        let response = try await card.transmit(CommandAPDU(ins: 0xCA, p1: 0x01, expectedLength: 256))
        #expect(response.statusWord == .success)
        // TestCard's GET DATA 01: 300 bytes A0, A1, ... wrapping at FF.
        #expect(response.data == (0..<300).map { UInt8(truncatingIfNeeded: 0xA0 + $0) })
        // 61 00 announces 256, then 61 2C the remaining 44.
        #expect(try card.sent == [bytes("00 CA 01 00 00"), bytes("00 C0 00 00 00"), bytes("00 C0 00 00 2C")])
    }

    @Test func wrongLeIsResentWithTheLengthTheCardGave() async throws {
        let card = InProcessCardChannel(card: TestCard())
        let response = try await card.transmit(CommandAPDU(ins: 0xCA, p1: 0x02, expectedLength: 256))
        #expect(response.statusWord == .success)
        #expect(response.data == (0x10..<0x20).map { UInt8($0) })
        #expect(try card.sent == [bytes("00 CA 02 00 00"), bytes("00 CA 02 00 10")])
    }

    @Test func readingPastTheEndOfAFileIsCorrected() async throws {
        let card = InProcessCardChannel(card: TestCard())
        let select = try await card.transmit(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x2F, 0x01]))
        #expect(select == ResponseAPDU(statusWord: .success))
        // Offset 500 of the 600-byte EF: Le 256 is too long, the card says 6C 64 (100).
        let response = try await card.transmit(CommandAPDU(ins: 0xB0, p1: 0x01, p2: 0xF4, expectedLength: 256))
        #expect(response.statusWord == .success)
        #expect(response.data == (500..<600).map { UInt8(truncatingIfNeeded: $0) })
        #expect(try card.sent.suffix(2) == [bytes("00 B0 01 F4 00"), bytes("00 B0 01 F4 64")])
    }

    @Test func plainSuccessNeedsOneCommand() async throws {
        let card = InProcessCardChannel(card: TestCard())
        _ = try await card.transmit(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x2F, 0x01]))
        let response = try await card.transmit(CommandAPDU(ins: 0xB0, expectedLength: 256))
        #expect(response.data == (0..<256).map { UInt8($0) })
        #expect(card.sent.count == 2)
    }

    @Test func errorStatusIsReturnedAsIs() async throws {
        let card = InProcessCardChannel(card: TestCard())
        // READ BINARY with no EF selected.
        let response = try await card.transmit(CommandAPDU(ins: 0xB0, expectedLength: 16))
        #expect(response == ResponseAPDU(statusWord: StatusWord(0x6986)))
        #expect(card.sent.count == 1)
    }

    @Test func extendedCommandReachesTheCard() async throws {
        let card = InProcessCardChannel(card: TestCard())
        let payload = (0..<300).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let response = try await card.transmit(CommandAPDU(ins: 0xEE, data: payload))
        #expect(response == ResponseAPDU(data: payload, statusWord: .success))
        #expect(try card.sent.first.map { Array($0.prefix(7)) } == bytes("00 EE 00 00 00 01 2C"))
    }

    // MARK: Scripted edge cases

    @Test func wrongLeThenChain() async throws {
        let first = [UInt8](repeating: 0x11, count: 16)
        let second = [UInt8](repeating: 0x22, count: 16)
        let card = ScriptedCardChannel([
            .success([0x6C, 0x20]),
            .success(first + [0x61, 0x10]),
            .success(second + [0x90, 0x00]),
        ])
        let response = try await card.transmit(CommandAPDU(ins: 0xB2, p1: 0x01, p2: 0x0C, expectedLength: 5))
        #expect(response == ResponseAPDU(data: first + second, statusWord: .success))
        #expect(try card.sent == [bytes("00 B2 01 0C 05"), bytes("00 B2 01 0C 20"), bytes("00 C0 00 00 10")])
    }

    @Test func wrongLeZeroMeans256() async throws {
        let data = [UInt8](repeating: 0x33, count: 256)
        let card = ScriptedCardChannel([.success([0x6C, 0x00]), .success(data + [0x90, 0x00])])
        let response = try await card.transmit(CommandAPDU(ins: 0xB0, expectedLength: 1))
        #expect(response.data == data)
        #expect(try card.sent == [bytes("00 B0 00 00 01"), bytes("00 B0 00 00 00")])
    }

    @Test func wrongLeIsCorrectedOnlyOnce() async throws {
        let card = ScriptedCardChannel([.success([0x6C, 0x10]), .success([0x6C, 0x08])])
        let response = try await card.transmit(CommandAPDU(ins: 0xB0, expectedLength: 4))
        #expect(response == ResponseAPDU(statusWord: StatusWord(0x6C08)))
        #expect(card.sent.count == 2)
    }

    @Test func dataBefore61xxIsKept() async throws {
        let card = ScriptedCardChannel([.success([0xAA, 0xBB, 0x61, 0x02]), .success([0xCC, 0xDD, 0x90, 0x00])])
        let response = try await card.transmit(CommandAPDU(ins: 0xCA, expectedLength: 256))
        #expect(response == ResponseAPDU(data: [0xAA, 0xBB, 0xCC, 0xDD], statusWord: .success))
        #expect(try card.sent.last == bytes("00 C0 00 00 02"))
    }

    @Test func chainEndingInAnErrorReportsTheError() async throws {
        let card = ScriptedCardChannel([.success([0x61, 0x04]), .success([0x6A, 0x88])])
        let response = try await card.transmit(CommandAPDU(ins: 0xCA, expectedLength: 256))
        #expect(response.statusWord == StatusWord(0x6A88))
    }

    @Test(arguments: [
        (UInt8(0x00), UInt8(0x00)),
        (0x01, 0x01),  // logical channel 1
        (0x03, 0x03),  // logical channel 3
        (0x0C, 0x00),  // secure messaging is not carried into GET RESPONSE
        (0x0D, 0x01),
        (0x80, 0x00),  // proprietary class, as CHANGE PIN
        (0x84, 0x00),
    ])
    func getResponseKeepsOnlyTheLogicalChannel(cla: UInt8, getResponseCLA: UInt8) async throws {
        let card = ScriptedCardChannel([.success([0x61, 0x01]), .success([0x42, 0x90, 0x00])])
        _ = try await card.transmit(CommandAPDU(cla: cla, ins: 0xCA, expectedLength: 256))
        #expect(card.sent.last == [getResponseCLA, 0xC0, 0x00, 0x00, 0x01])
    }

    // MARK: The bound on GET RESPONSE rounds

    @Test func boundIs257Rounds() {
        // 64 KiB in 256-byte pieces, plus the command itself.
        #expect(ScriptedCardChannel.maximumGetResponseRounds == 257)
    }

    @Test func endless61xxStopsAfter257Rounds() async throws {
        let card = ScriptedCardChannel([], thenForever: [0x55, 0x61, 0x10])
        let error = await #expect(throws: SmartCardError.self) {
            try await card.transmit(CommandAPDU(ins: 0xCA, expectedLength: 256))
        }
        #expect(error == .responseChainTooLong)
        let sent = card.sent
        #expect(sent.count == 1 + 257)
        #expect(try sent.dropFirst().allSatisfy { try $0 == bytes("00 C0 00 00 10") })
    }

    @Test func chainOfExactly257RoundsCompletes() async throws {
        let pieces = (0..<257).map { UInt8(truncatingIfNeeded: $0) }
        let card = ScriptedCardChannel(
            [.success([0x61, 0x01])] + pieces.dropLast().map { .success([$0, 0x61, 0x01]) }
                + [.success([pieces.last!, 0x90, 0x00])]
        )
        let response = try await card.transmit(CommandAPDU(ins: 0xCA, expectedLength: 256))
        #expect(response == ResponseAPDU(data: pieces, statusWord: .success))
        #expect(card.sent.count == 1 + 257)
    }

    @Test func chainOf258RoundsIsTooLong() async throws {
        let card = ScriptedCardChannel(
            Array(repeating: .success([0x00, 0x61, 0x01]), count: 258) + [.success([0x00, 0x90, 0x00])]
        )
        let error = await #expect(throws: SmartCardError.self) {
            try await card.transmit(CommandAPDU(ins: 0xCA, expectedLength: 256))
        }
        #expect(error == .responseChainTooLong)
        #expect(card.sent.count == 1 + 257)
    }

    // MARK: Failures

    @Test func transportErrorMidChainIsThrown() async throws {
        let card = ScriptedCardChannel([.success([0x61, 0x10]), .failure(.cardRemoved)])
        let error = await #expect(throws: SmartCardError.self) {
            try await card.transmit(CommandAPDU(ins: 0xCA, expectedLength: 256))
        }
        #expect(error == .cardRemoved)
    }

    @Test(arguments: [[], [0x90]] as [[UInt8]])
    func truncatedAnswerIsMalformed(answer: [UInt8]) async throws {
        let card = ScriptedCardChannel([.success(answer)])
        let error = await #expect(throws: SmartCardError.self) {
            try await card.transmit(CommandAPDU(ins: 0xB0, expectedLength: 4))
        }
        #expect(error == .malformedResponse(""))
    }

    @Test func truncatedAnswerMidChainIsMalformed() async throws {
        let card = ScriptedCardChannel([.success([0x61, 0x10]), .success([0x61])])
        let error = await #expect(throws: SmartCardError.self) {
            try await card.transmit(CommandAPDU(ins: 0xCA, expectedLength: 256))
        }
        #expect(error == .malformedResponse(""))
    }

    @Test func unencodableCommandIsNeverSent() async throws {
        let card = ScriptedCardChannel([])
        let error = await #expect(throws: SmartCardError.self) {
            try await card.transmit(CommandAPDU(ins: 0xB0, expectedLength: 0))
        }
        #expect(error == .malformedCommand(""))
        #expect(card.sent.isEmpty)
    }
}

private func bytes(_ hex: String) throws -> [UInt8] {
    try #require([UInt8](hex: hex))
}

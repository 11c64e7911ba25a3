import SmartCard
import Testing

extension RigTests {
    /// vicc (python3-virtualsmartcard) is an ISO 7816 card nobody on this project wrote: if our
    /// encoding of APDUs or reading of answers were wrong in a way our own simulator shares, it shows here.
    @Suite struct Vicc {
        @Test func selectReadBinaryAndErrorAnswers() async throws {
            guard Rig.isUp() else { return }
            try await Rig.restoring(.readers) {
                try await Rig.run("card", "insert", "vicc", "0")
                let context = try PCSCContext()
                var card: CardConnection?
                try await eventually(timeout: .seconds(20), "vicc to answer in slot 0") {
                    card = try? await context.connect(reader: Rig.reader0)
                    return card != nil
                }
                let vicc = try #require(card)

                // SELECT MF (no FCI: vicc crashes on answers that carry one).
                #expect(
                    try await vicc.transmit(CommandAPDU(ins: 0xA4, p2: 0x0C, data: [0x3F, 0x00])).statusWord
                        == .success)
                // No EF selected yet: READ BINARY is refused with 6986.
                let noEF = try await vicc.transmit(CommandAPDU(ins: 0xB0, expectedLength: 4))
                #expect(noEF.statusWord == StatusWord(0x6986))
                #expect(noEF.statusWord.meaning == .noCurrentEF)
                // A file that does not exist: 6A82.
                let missing = try await vicc.transmit(
                    CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x2F, 0x55]))
                #expect(missing.statusWord.meaning == .fileNotFound)
                // An instruction it does not know: 6D00.
                #expect(
                    try await vicc.transmit(CommandAPDU(ins: 0x42)).statusWord.meaning == .insNotSupported)
                // GET CHALLENGE gives 8 fresh bytes each time.
                let first = try await vicc.transmit(CommandAPDU(ins: 0x84, expectedLength: 8))
                let second = try await vicc.transmit(CommandAPDU(ins: 0x84, expectedLength: 8))
                #expect(first.statusWord == .success && first.data.count == 8)
                #expect(first.data != second.data)

                // CREATE FILE: a transparent EF 2F01 of 16 bytes (FCP: 82 FDB 01, 83 FID, 80 size).
                // vicc 0.8 crashes on case-3 commands to its file functions (it compares a missing Le),
                // so these carry Le; it answers the write with 6282 (end reached before Le bytes).
                let fcp: [UInt8] = [0x62, 0x0A, 0x82, 0x01, 0x01, 0x83, 0x02, 0x2F, 0x01, 0x80, 0x01, 0x10]
                let created = try await vicc.transmit(CommandAPDU(ins: 0xE0, data: fcp, expectedLength: 256))
                #expect(created.statusWord == .success)
                let content: [UInt8] = Array(0x30..<0x40)
                let written = try await vicc.transmit(CommandAPDU(ins: 0xD6, data: content, expectedLength: 256))
                #expect(written.statusWord == StatusWord(0x6282))
                #expect(written.statusWord.meaning == .warning)
                let selected = try await vicc.transmit(CommandAPDU(ins: 0xA4, p1: 0x02, p2: 0x0C, data: [0x2F, 0x01]))
                #expect(selected.statusWord == .success)
                let read = try await vicc.transmit(CommandAPDU(ins: 0xB0, p2: 0x04, expectedLength: 8))
                #expect(read.statusWord == .success)
                #expect(read.data == Array(content[4..<12]))
            }
        }
    }
}

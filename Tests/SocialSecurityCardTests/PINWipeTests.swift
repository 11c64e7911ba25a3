import CardCrypto
import CardSimulator
import CardTestSupport
import SmartCard
import SocialSecurityCard
import Testing

/// The bytes that carried a PIN to the card are zeroed once sent. The in-process channel keeps a
/// reference to every command buffer it was given, as a memory dump would find them: after the
/// session is done, none of them may hold the PIN.
@Suite("A PIN leaves no copy in the command buffers that carried it")
struct PINWipeTests {
    /// The commands with instruction `ins` that carried data, as the channel still holds them.
    static func carried(_ ins: UInt8, in sent: [[UInt8]]) -> [[UInt8]] {
        sent.filter { $0.count > 5 && $0[1] == ins }
    }

    /// Whether `bytes` hold `needle` anywhere.
    static func holds(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        bytes.count >= needle.count
            && (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<$0 + needle.count]) == needle }
    }

    @Test("VERIFY: right and wrong PINs are zeroed after the header, the card having answered either way")
    func verify() async throws {
        let channel = CardFixtures.channel(try CardFixtures.image())
        let session = try await SocialSecurityCardSession.open(channel)
        await #expect(throws: SocialSecurityCardError.wrongPIN(triesLeft: 2)) {
            try await session.verify(try PIN(digits: "908172"))
        }
        try await session.verify(try PIN(digits: CardFixtures.pin))
        let verifies = Self.carried(0x20, in: channel.sent)
        #expect(verifies.count == 2)
        for command in verifies {
            #expect(Array(command.prefix(4)) == [0x00, 0x20, 0x00, 0x00], "the header stays for a trace")
            #expect(command.dropFirst(4).allSatisfy { $0 == 0 }, "VERIFY still holds \(command)")
        }
        for command in channel.sent {
            #expect(!Self.holds(command, [0x12, 0x34, 0x56]) && !Self.holds(command, [0x90, 0x81, 0x72]))
        }
    }

    @Test("CHANGE PIN: old and new PIN are zeroed")
    func change() async throws {
        let channel = CardFixtures.channel(try CardFixtures.image())
        let session = try await SocialSecurityCardSession.open(channel)
        try await session.changePIN(from: try PIN(digits: CardFixtures.pin), to: try PIN(digits: "246813"))
        try await session.verify(try PIN(digits: "246813"))
        let changes = Self.carried(0x5E, in: channel.sent)
        #expect(changes.count == 1)
        #expect(changes.allSatisfy { $0.dropFirst(4).allSatisfy { $0 == 0 } }, "\(changes)")
        #expect(!channel.sent.contains { Self.holds($0, [0x24, 0x68, 0x13]) })
    }

    @Test("PIN RELOAD through a PSAM: the plaintext blocks sent to the PSAM to encrypt are zeroed")
    func reloadThroughPSAM() async throws {
        let card = CardFixtures.channel(try CardFixtures.image(algorithm: .des))
        let psamChannel = InProcessCardChannel(
            card: SimulatedPSAM(keys: CardFixtures.keys, terminalNumber: [0, 0, 0, 0, 0, 1]))
        let psam = try await PSAMKeyProvider(channel: psamChannel)
        let session = try await SocialSecurityCardSession.open(card)
        try await session.reloadPIN(
            to: try PIN(digits: "135791"), keys: psam, identity: try await session.readIdentity())
        try await session.verify(try PIN(digits: "135791"))
        // CIPHER DATA (80 FA) with P1 00 encrypts; P1 05 is a MAC over ciphertext and header.
        let encryptions = psamChannel.sent.filter { $0.count > 5 && $0[1] == 0xFA && $0[2] == 0x00 }
        #expect(!encryptions.isEmpty)
        #expect(encryptions.allSatisfy { $0.dropFirst(4).allSatisfy { $0 == 0 } }, "\(encryptions)")
        #expect(!psamChannel.sent.contains { Self.holds($0, [0x13, 0x57, 0x91]) })
        #expect(!card.sent.contains { Self.holds($0, [0x13, 0x57, 0x91]) })
    }

    @Test(
        "a PIN that is not its length in ASCII digits is refused with the rule, never the digits",
        arguments: ["12345", "1234567", "12a456", "12 456", "１２３４５６", "123456\n", "-12345", ""])
    func malformedDigits(text: String) {
        let error = #expect(throws: SocialSecurityCardError.invalidPIN(length: 6)) {
            _ = try PIN(asciiDigits: Array(text.utf8), length: 6)
        }
        #expect(error?.message == "A PIN is 6 digits, 0 to 9. Enter it again.")
    }
}

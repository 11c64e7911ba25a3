import CardSimulator
import CardTestSupport
import SmartCard
import SocialSecurityCard
import Testing

/// The simulated card forgets its security state on reset, as a chip does, and keeps it while
/// nothing resets it: what the rig's tests of the terminals' resets rely on to be able to fail.
@Suite("A simulated card's security state and reset")
struct SimulatedCardResetTests {
    static let probePIN = try! CommandAPDU.verify().encoded()
    static let readCardholder = try! CommandAPDU.readRecords(sfi: 6).encoded()

    @Test("a verified PIN and an authenticated read key stay until a reset, and are gone after it")
    func resetDropsSecurityState() async throws {
        let channel = CardFixtures.channel(try CardFixtures.image())
        let session = try await SocialSecurityCardSession.open(channel)
        #expect(try await session.pinTriesLeft() == 3)
        try await session.verify(try PIN(digits: CardFixtures.pin))
        let identity = try await session.readIdentity()
        _ = try await session.readCardholder(of: identity, keys: CardFixtures.keys)

        // The card as the next program would find it had the terminal left it as it was.
        var card = channel.card
        #expect(card.respond(to: Self.probePIN) == [0x90, 0x00], "VERIFY with no data: the PIN is verified")
        #expect(card.respond(to: Self.readCardholder).suffix(2) == [0x90, 0x00], "3.0's EF06 still open")

        card.reset()
        #expect(card.respond(to: Self.probePIN) == [0x63, 0xC3], "VERIFY with no data: 3 tries, not verified")
        #expect(card.respond(to: Self.readCardholder) == [0x6A, 0x82], "no directory is selected after a reset")
        _ = card.respond(to: try CommandAPDU.selectMasterFile.encoded())
        _ = card.respond(to: try CommandAPDU.select(aid: CardProfile.standard.ssse.aid).encoded())
        #expect(card.respond(to: Self.readCardholder) == [0x69, 0x82], "EF06 of a 3.0 card wants its read key again")
    }
}

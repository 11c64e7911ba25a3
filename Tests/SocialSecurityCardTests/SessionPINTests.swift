import CardCrypto
import CardSimulator
import CardTestSupport
import SmartCard
import SocialSecurityCard
import Testing

@Suite("The PIN on a simulated card")
struct SessionPINTests {
    @Test("wrong PINs count down, the last blocks, a desk unblocks", arguments: [CardAlgorithm.des, .sm4])
    func wrongPINsBlockThenUnblock(algorithm: CardAlgorithm) async throws {
        let channel = CardFixtures.channel(try CardFixtures.image(algorithm: algorithm))
        let session = try await SocialSecurityCardSession.open(channel)
        #expect(try await session.pinTriesLeft() == 3)
        try await session.verify(try PIN(digits: "123456"))
        await #expect(throws: SocialSecurityCardError.wrongPIN(triesLeft: 2)) {
            try await session.verify(try PIN(digits: "000000"))
        }
        await #expect { try await session.verify(try PIN(digits: "000001")) } throws: {
            ($0 as? SocialSecurityCardError)?.triesLeft == 1
        }
        await #expect(throws: SocialSecurityCardError.pinBlocked) {
            try await session.verify(try PIN(digits: "000002"))
        }
        // Blocked means blocked: the right PIN does not help any more.
        await #expect(throws: SocialSecurityCardError.pinBlocked) {
            try await session.verify(try PIN(digits: "123456"))
        }
        #expect(try await session.pinTriesLeft() == 0)

        let identity = try await session.readIdentity()
        try await session.unblockPIN(keys: CardFixtures.keys, identity: identity)
        #expect(try await session.pinTriesLeft() == 3)
        try await session.verify(try PIN(digits: "123456"))
    }

    @Test("a forgotten PIN is replaced at the desk")
    func reload() async throws {
        let session = try await SocialSecurityCardSession.open(
            CardFixtures.channel(try CardFixtures.image(algorithm: .des)))
        let identity = try await session.readIdentity()
        try await session.reloadPIN(to: try PIN(digits: "654321"), keys: CardFixtures.keys, identity: identity)
        try await session.verify(try PIN(digits: "654321"))
        await #expect(throws: SocialSecurityCardError.wrongPIN(triesLeft: 2)) {
            try await session.verify(try PIN(digits: "123456"))
        }
    }

    @Test("change needs the current PIN")
    func change() async throws {
        let session = try await SocialSecurityCardSession.open(CardFixtures.channel(try CardFixtures.image()))
        await #expect(throws: SocialSecurityCardError.wrongPIN(triesLeft: 2)) {
            try await session.changePIN(from: try PIN(digits: "999999"), to: try PIN(digits: "111111"))
        }
        try await session.changePIN(from: try PIN(digits: "123456"), to: try PIN(digits: "111111"))
        try await session.verify(try PIN(digits: "111111"))
    }

    @Test("an unblock under the wrong keys is refused and changes nothing")
    func wrongKeysUnblock() async throws {
        let channel = CardFixtures.channel(try CardFixtures.image())
        let session = try await SocialSecurityCardSession.open(channel)
        await #expect(throws: SocialSecurityCardError.wrongPIN(triesLeft: 2)) {
            try await session.verify(try PIN(digits: "000000"))
        }
        let identity = try await session.readIdentity()
        await #expect(throws: SocialSecurityCardError.macRejected(statusWord: .success)) {
            try await session.unblockPIN(keys: try CardFixtures.wrongKeys(), identity: identity)
        }
        #expect(try await session.pinTriesLeft() == 2)
    }

    @Test(
        "PINs that are not digits are refused before the card sees them",
        arguments: ["12345", "12a456", "", "1234567890123"])
    func malformedPIN(text: String) {
        #expect(throws: SocialSecurityCardError.invalidPIN(length: 6)) { _ = try PIN(digits: text, length: 6) }
    }

    @Test("a blocked application and a blocked card give their own errors")
    func blocking() async throws {
        let channel = CardFixtures.channel(try CardFixtures.image())
        let session = try await SocialSecurityCardSession.open(channel)
        let identity = try await session.readIdentity()
        try await session.blockApplication(keys: CardFixtures.keys, identity: identity)
        await #expect(throws: SocialSecurityCardError.applicationBlocked) { try await session.readIdentity() }

        let second = CardFixtures.channel(try CardFixtures.image())
        let other = try await SocialSecurityCardSession.open(second)
        try await other.blockCard(keys: CardFixtures.keys, identity: try await other.readIdentity())
        await #expect(throws: SocialSecurityCardError.cardBlocked) { try await other.readIdentity() }
    }
}

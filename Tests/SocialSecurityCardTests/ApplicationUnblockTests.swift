import CardCrypto
import CardSimulator
import CardTestSupport
import SmartCard
import SocialSecurityCard
import Testing

/// APPLICATION UNBLOCK (`84 18 00 00`, unverified: from the PBOC family of the block commands) on
/// the in-process simulated card: the only way back from an application block, and only under the
/// card's own maintenance key.
@Suite("Unblocking a blocked application")
struct ApplicationUnblockTests {
    @Test(
        "a blocked application answers 9303 until an unblock under its maintenance key lifts it",
        arguments: [(CardAlgorithm.des, CardImage.Transmission.t0), (.sm4, .t1)])
    func unblockLiftsTheBlock(algorithm: CardAlgorithm, transmission: CardImage.Transmission) async throws {
        let channel = CardFixtures.channel(try CardFixtures.image(algorithm: algorithm, transmission: transmission))
        let session = try await SocialSecurityCardSession.open(channel)
        let identity = try await session.readIdentity()
        try await session.blockApplication(keys: CardFixtures.keys, identity: identity)
        await #expect(throws: SocialSecurityCardError.applicationBlocked) { try await session.readIdentity() }
        await #expect(throws: SocialSecurityCardError.applicationBlocked) {
            try await session.verify(try PIN(digits: CardFixtures.pin))
        }

        try await session.unblockApplication(keys: CardFixtures.keys, cardIdentifier: identity.cardIdentifier)
        #expect(!channel.card.image.applicationBlocked)
        #expect(try await session.readIdentity() == identity)
        try await session.verify(try PIN(digits: CardFixtures.pin))
        let unblock = try #require(channel.sent.last { $0.count > 1 && $0[1] == 0x18 })
        #expect(Array(unblock.prefix(5)) == [0x84, 0x18, 0x00, 0x00, 0x04], "a MAC only, as the blocks carry")
    }

    @Test("a MAC under other keys, or another card's identifier, leaves the application blocked")
    func badMACIsRefused() async throws {
        let channel = CardFixtures.channel(try CardFixtures.image())
        let session = try await SocialSecurityCardSession.open(channel)
        let identity = try await session.readIdentity()
        try await session.blockApplication(keys: CardFixtures.keys, identity: identity)
        let otherCard = try CardFixtures.person(seed: 8).identity.cardIdentifier
        for (keys, identifier) in [
            (try CardFixtures.wrongKeys(), identity.cardIdentifier), (CardFixtures.keys, otherCard),
        ] {
            await #expect(throws: SocialSecurityCardError.macRejected(statusWord: .success)) {
                try await session.unblockApplication(keys: keys, cardIdentifier: identifier)
            }
            #expect(channel.card.image.applicationBlocked)
        }
        await #expect(throws: SocialSecurityCardError.applicationBlocked) { try await session.readIdentity() }
    }

    @Test("a permanently blocked card is not brought back by an application unblock")
    func cardBlockStays() async throws {
        let channel = CardFixtures.channel(try CardFixtures.image())
        let session = try await SocialSecurityCardSession.open(channel)
        let identity = try await session.readIdentity()
        try await session.blockCard(keys: CardFixtures.keys, identity: identity)
        await #expect(throws: SocialSecurityCardError.cardBlocked) {
            try await session.unblockApplication(keys: CardFixtures.keys, cardIdentifier: identity.cardIdentifier)
        }
        #expect(channel.card.image.cardBlocked)
    }
}

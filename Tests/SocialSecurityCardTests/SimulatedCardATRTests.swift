import CardSimulator
import CardTestSupport
import SmartCard
import SocialSecurityCard
import Testing

/// The simulated cards must answer to reset as ISO 7816-3 says, or every ATR check downstream
/// (diagnostics, the reader monitor) trips over the simulator instead of the code under test.
@Suite struct SimulatedCardATRTests {
    @Test(arguments: [CardImage.Transmission.t0, .t1], CardGeneration.allCases)
    func socialSecurityCardATRParsesWithItsProtocolAndGeneration(
        transmission: CardImage.Transmission, generation: CardGeneration
    ) throws {
        let card = SimulatedSocialSecurityCard(
            image: try CardFixtures.image(generation: generation, transmission: transmission))
        let atr = try ATR(bytes: card.atr)
        #expect(atr.protocols == [transmission == .t0 ? 0 : 1])
        #expect(atr.historicalBytes == Array("SSC\(generation.rawValue)".utf8))
    }

    /// PC/SC synthesises a contactless card's ATR from its ATS: nothing in it says social security,
    /// so the terminal must know the card by its SELECT, which reads it all the same.
    @Test func aContactlessCardsATRSaysNothingOfTheCardButTheCardReads() async throws {
        let image = try CardFixtures.image(generation: .v3, transmission: .contactless)
        let atr = try ATR(bytes: SimulatedSocialSecurityCard(image: image).atr)
        #expect(Array(SimulatedSocialSecurityCard(image: image).atr.prefix(4)) == [0x3B, 0x89, 0x80, 0x01])
        #expect(atr.protocols == [0, 1])
        #expect(atr.historicalBytes == [0x00, 0x81, 0x54, 0x4C, 0x96, 0x86, 0x84, 0x51, 0x01])
        let session = try await SocialSecurityCardSession.open(CardFixtures.channel(image))
        #expect(try await session.readIdentity().generation == .v3)
    }

    @Test func psamATRParses() throws {
        let psam = SimulatedPSAM(keys: CardFixtures.keys, terminalNumber: [0, 0, 0, 0, 0, 1])
        #expect(try ATR(bytes: psam.atr).historicalBytes == Array("PSAM".utf8))
    }
}

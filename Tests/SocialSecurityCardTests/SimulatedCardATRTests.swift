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

    @Test func psamATRParses() throws {
        let psam = SimulatedPSAM(keys: CardFixtures.keys, terminalNumber: [0, 0, 0, 0, 0, 1])
        #expect(try ATR(bytes: psam.atr).historicalBytes == Array("PSAM".utf8))
    }
}

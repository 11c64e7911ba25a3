import CardCrypto
import CardSimulator
import CardTestSupport
import Foundation
import SmartCard
import SocialSecurityCard
import Testing

@Suite("Personalising a blank card in process")
struct PersonalisationTests {
    static func personalise(
        _ channel: InProcessCardChannel<SimulatedSocialSecurityCard>,
        journal: any PersonalisationJournal,
        keys: any KeyProvider = CardFixtures.keys,
        name: String? = nil
    ) async throws -> Personaliser.Report {
        let session = try await SocialSecurityCardSession.open(channel)
        let factory = try await session.readFactoryData()
        let person = try CardFixtures.person(seed: 7, generation: factory.generation, name: name)
        return try await Personaliser(keys: keys, journal: journal)
            .personalise(
                session, identity: person.identity, cardholder: person.cardholder, pin: try PIN(digits: "246810"))
    }

    @Test(
        "a blank card, personalised, reads back as the person, with the new PIN", arguments: [CardAlgorithm.des, .sm4])
    func personaliseAndRead(algorithm: CardAlgorithm) async throws {
        let channel = CardFixtures.channel(try CardFixtures.image(algorithm: algorithm, blank: true))
        let report = try await Self.personalise(channel, journal: MemoryJournal())
        #expect(!report.resumed)
        let session = try await SocialSecurityCardSession.open(CardFixtures.channel(channel.card.image))
        let identity = try await session.readIdentity()
        #expect(
            try await session.readCardholder(of: identity, keys: CardFixtures.keys)
                == (try CardFixtures.person(seed: 7).cardholder))
        try await session.verify(try PIN(digits: "246810"))
    }

    @Test("wrong keys: a clear error and the card unchanged")
    func wrongKeys() async throws {
        let image = try CardFixtures.image(blank: true)
        let channel = CardFixtures.channel(image)
        await #expect(throws: SocialSecurityCardError.macRejected(statusWord: .success)) {
            try await Self.personalise(channel, journal: MemoryJournal(), keys: try CardFixtures.wrongKeys())
        }
        #expect(channel.card.image == image)
    }

    @Test("a name with a character outside GBK stops the job before the first write")
    func rareCharacter() async throws {
        let image = try CardFixtures.image(blank: true)
        let channel = CardFixtures.channel(image)
        await #expect(throws: SocialSecurityCardError.cardData("")) {
            try await Self.personalise(channel, journal: MemoryJournal(), name: "王𠮷")
        }
        #expect(channel.card.image == image)
    }

    /// Pulls the card at every APDU of a personalisation, before and after the card acts on it.
    /// After each pull the card must read as unfinished or as wholly right, never as valid with
    /// part of its data; putting it back finishes the job from the journal.
    @Test("a card pulled at any APDU is never half valid, and the job finishes when it is back")
    func tearingAtEveryAPDU() async throws {
        let blank = try CardFixtures.image(blank: true)
        let counting = CardFixtures.channel(blank)
        _ = try await Self.personalise(counting, journal: MemoryJournal())
        let total = counting.sent.count
        let expected = try CardFixtures.person(seed: 7)
        for n in 1...total {
            for faults in [FaultPlan(removeBeforeAPDU: n), FaultPlan(removeAfterAPDU: n)] {
                let journal = MemoryJournal()
                let torn = CardFixtures.channel(blank, faults: faults)
                await #expect(throws: SocialSecurityCardError.transport(.cardRemoved)) {
                    try await Self.personalise(torn, journal: journal)
                }
                let image = torn.card.image
                let session = try await SocialSecurityCardSession.open(CardFixtures.channel(image))
                do {
                    let identity = try await session.readIdentity()
                    #expect(identity == expected.identity, "pulled at APDU \(n)")
                    #expect(
                        try await session.readCardholder(of: identity, keys: CardFixtures.keys) == expected.cardholder)
                } catch {
                    #expect(error == .personalisationIncomplete, "pulled at APDU \(n): \(error)")
                }
                let again = CardFixtures.channel(image)
                _ = try await Self.personalise(again, journal: journal)
                let finished = try await SocialSecurityCardSession.open(CardFixtures.channel(again.card.image))
                let identity = try await finished.readIdentity()
                #expect(try await finished.readCardholder(of: identity, keys: CardFixtures.keys) == expected.cardholder)
            }
        }
    }
}

import CardCrypto
import CardSimulator
import CardTestSupport
import SmartCard
import SocialSecurityCard
import Testing

@Suite("Reading a social security card in process")
struct SessionReadingTests {
    static let variants: [(CardGeneration, CardAlgorithm, CardImage.Transmission)] = [
        (.v1, .des, .t1), (.v2, .des, .t0), (.v2, .sm4, .t1), (.v3, .sm4, .t0), (.v3, .des, .t1),
        (.v3, .sm4, .contactless),
    ]

    @Test("every generation, algorithm and transmission reads back the person written", arguments: variants)
    func readsEveryVariant(generation: CardGeneration, algorithm: CardAlgorithm, transmission: CardImage.Transmission)
        async throws
    {
        let expected = try CardFixtures.person(seed: 7, generation: generation)
        let channel = CardFixtures.channel(
            try CardFixtures.image(generation: generation, algorithm: algorithm, transmission: transmission))
        let session = try await SocialSecurityCardSession.open(channel)
        #expect(session.algorithm == algorithm)
        let identity = try await session.readIdentity()
        let cardholder = try await session.readCardholder(of: identity, keys: CardFixtures.keys)
        #expect(identity == expected.identity)
        #expect(cardholder == expected.cardholder)
        // SELECT MF, SELECT SSSE (+ GET RESPONSE with T=0), one READ RECORD per file, and on 3.0
        // cards GET CHALLENGE + EXTERNAL AUTHENTICATE before EF06.
        let expectedAPDUs = 4 + (transmission == .t0 ? 1 : 0) + (generation == .v3 ? 2 : 0)
        #expect(channel.sent.count == expectedAPDUs)
    }

    @Test("a 3.0 card's cardholder file needs the read key")
    func generationThreeNeedsKeys() async throws {
        let channel = CardFixtures.channel(try CardFixtures.image(generation: .v3))
        let session = try await SocialSecurityCardSession.open(channel)
        let identity = try await session.readIdentity()
        await #expect(throws: SocialSecurityCardError.keyUnavailable(.readSSSE)) {
            try await session.readCardholder(of: identity)
        }
        await #expect(throws: SocialSecurityCardError.authenticationFailed(.readSSSE)) {
            try await session.readCardholder(of: identity, keys: try CardFixtures.wrongKeys())
        }
    }

    @Test("a 2.0 card with a long name keeps the name's end in item 4E; a 1.0 card has no 4E")
    func longNames() async throws {
        let long = "阿卜杜热合曼·买买提依明·艾力江"
        let channel = CardFixtures.channel(try CardFixtures.image(generation: .v2, name: long))
        let session = try await SocialSecurityCardSession.open(channel)
        let identity = try await session.readIdentity()
        #expect(try await session.readCardholder(of: identity).name == long)
        #expect(throws: SocialSecurityCardError.cardData("")) {
            try CardFixtures.image(generation: .v1, name: long)
        }
    }

    @Test("a card answering 6Cxx to any Le but the exact one reads the same")
    func exactLengthCard() async throws {
        var image = try CardFixtures.image(generation: .v2, algorithm: .des)
        image.exactLengthOnly = true
        let channel = CardFixtures.channel(image)
        let session = try await SocialSecurityCardSession.open(channel)
        let identity = try await session.readIdentity()
        let cardholder = try await session.readCardholder(of: identity)
        #expect(cardholder == (try CardFixtures.person(seed: 7, generation: .v2).cardholder))
    }

    @Test("a card that is not a social security card is named as such")
    func notASocialSecurityCard() async throws {
        await #expect(throws: SocialSecurityCardError.notSocialSecurityCard) {
            try await SocialSecurityCardSession.open(InProcessCardChannel(card: TestCard()))
        }
    }

    @Test("a blank card reads as never finished, and its factory data is there")
    func blankCard() async throws {
        let channel = CardFixtures.channel(try CardFixtures.image(blank: true))
        let session = try await SocialSecurityCardSession.open(channel)
        await #expect(throws: SocialSecurityCardError.personalisationIncomplete) { try await session.readIdentity() }
        let factory = try await session.readFactoryData()
        #expect(factory.generation == .v3)
        #expect(factory.cardIdentifier == (try CardFixtures.person(seed: 7).identity.cardIdentifier))
    }

    @Test("one READ RECORD of EF05 gives a blank card's factory data, or a personalised card's identity too")
    func factoryDataAndIdentityInOneRead() async throws {
        for blank in [true, false] {
            let channel = CardFixtures.channel(try CardFixtures.image(blank: blank))
            let session = try await SocialSecurityCardSession.open(channel)
            let before = channel.sent.count
            let (factory, identity) = try await session.readFactoryDataAndIdentity()
            #expect(channel.sent.count == before + 1)
            #expect(factory.cardIdentifier == (try CardFixtures.person(seed: 7).identity.cardIdentifier))
            #expect(identity == (blank ? nil : try CardFixtures.person(seed: 7).identity))
        }
    }

    @Test("the photo file reads in pieces of 256 bytes")
    func photo() async throws {
        var image = try CardFixtures.image(generation: .v2)
        let jpeg: [UInt8] =
            [0xFF, 0xD8, 0xFF, 0xE0] + (0..<700).map { UInt8(truncatingIfNeeded: $0 * 7 + 1) } + [0xFF, 0xD9]
        image.files["SSSE/EF08"] = .transparent(HexBytes(jpeg + Array(repeating: 0, count: 0x1000 - jpeg.count)))
        let session = try await SocialSecurityCardSession.open(CardFixtures.channel(image))
        #expect(try await session.readPhoto() == jpeg)
    }
}

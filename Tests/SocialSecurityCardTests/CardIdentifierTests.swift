import SocialSecurityCard
import Testing

@Suite struct CardIdentifierTests {
    private let synthetic: [UInt8] = [
        0x43, 0x01, 0x00, 0xD1, 0x56, 0x00, 0x00, 0x05, 0x12, 0x34, 0xAB, 0xCD, 0x01, 0x02, 0x03, 0x04,
    ]

    @Test func readsItsParts() throws {
        let identifier = try CardIdentifier(bytes: synthetic)
        #expect(identifier.regionCode == "430100")
        #expect(identifier.serial == [0x12, 0x34, 0xAB, 0xCD])
        #expect(identifier.authenticationCode == [0x01, 0x02, 0x03, 0x04])
        #expect(identifier.bytes == synthetic)
        #expect(identifier.description == "430100 D156000005 1234ABCD 01020304")
    }

    @Test func buildsFromParts() throws {
        let identifier = try CardIdentifier(
            regionCode: "430100", serial: [0x12, 0x34, 0xAB, 0xCD], authenticationCode: [0x01, 0x02, 0x03, 0x04])
        #expect(identifier.bytes == synthetic)
    }

    @Test func refusesWrongLengths() {
        #expect(throws: CardDataError.cardIdentifierLength(0)) { try CardIdentifier(bytes: synthetic.dropLast()) }
        #expect(throws: CardDataError.cardIdentifierLength(0)) {
            try CardIdentifier(regionCode: "430100", serial: [0x12], authenticationCode: [0x01, 0x02, 0x03, 0x04])
        }
    }

    @Test func refusesRegionCodesThatAreNotSixDigits() {
        var padded = synthetic
        padded[2] = 0x0F
        #expect(throws: CardDataError.cardIdentifierRegion) { try CardIdentifier(bytes: padded) }
        var hex = synthetic
        hex[0] = 0x4A
        #expect(throws: CardDataError.cardIdentifierRegion) { try CardIdentifier(bytes: hex) }
        for region in ["4301", "43010", "4301000", "43A100"] {
            #expect(throws: CardDataError.cardIdentifierRegion) {
                try CardIdentifier(regionCode: region, serial: [0, 0, 0, 0], authenticationCode: [0, 0, 0, 0])
            }
        }
    }

    @Test func refusesAMissingIssuerMark() {
        var other = synthetic
        other[7] = 0x06
        #expect(throws: CardDataError.cardIdentifierMarker) { try CardIdentifier(bytes: other) }
    }
}

import SocialSecurityCard
import Testing

@Suite("A real card that differs from the profile reads, with a warning for staff")
struct CardIdentityWarningTests {
    static func identity(cardNumber: String) throws -> CardIdentity {
        CardIdentity(
            cardIdentifier: try CardIdentifier(
                regionCode: "510100", serial: [0x00, 0x00, 0x12, 0x34], authenticationCode: [0x01, 0x02, 0x03, 0x04]),
            cardType: "1", generation: .v3, initialisingBody: "510100000000",
            issueDate: try CardDate(year: 2019, month: 6, day: 11),
            expiryDate: try CardDate(year: 2029, month: 6, day: 11),
            cardNumber: try CardNumber(reading: cardNumber))
    }

    /// EF05 as the card holds it, read back the way a session decodes it.
    static func readBack(_ identity: CardIdentity) throws -> CardIdentity {
        let records = try identity.records(profile: .standard)
        var items = RecordItems()
        try items.add(records: try TLV.encode(records.map(\.record)))
        return try CardIdentity(items: items, profile: .standard)
    }

    /// `AI666666X`: the number of the card read in gdgly/SI_3rdCard's docs/EgAPP-20180611.log.
    @Test func aCardNumberOutsideTheUnverifiedRuleReadsWithAWarning() throws {
        let read = try Self.readBack(try Self.identity(cardNumber: "AI666666X"))
        #expect(read.cardNumber.value == "AI666666X")
        #expect(read.warnings.count == 1)
        #expect(read.warnings.first?.contains("check character") == true)
        // Warnings reach diagnostics and logs, which carry no personal data.
        #expect(read.warnings.first?.contains("AI666666X") == false)
    }

    @Test func aCardNumberThatFollowsTheRuleHasNoWarning() throws {
        let read = try Self.readBack(try Self.identity(cardNumber: "A12345674"))
        #expect(read.warnings.isEmpty)
    }

    /// A region whose profile keeps the card type in EF06 under EF05's tag 02: EF05's item 02 is
    /// then one the profile does not name there, not the card type.
    @Test func anItemTheProfileKeepsInAnotherFileIsNotReadFromThisOne() throws {
        var profile = CardProfile.standard
        profile.ssse.files = profile.ssse.files.map { file in
            guard case .records(let items) = file.structure else { return file }
            var moved = file
            if file.fid == CardProfile.cardIssuerFile {
                moved.structure = .records(items.filter { $0.field != .cardType })
            } else if file.fid == CardProfile.cardholderFile {
                moved.structure = .records(
                    items + [DataItem(tag: 0x02, field: .cardType, name: "卡类别", format: .an, length: 1)])
            }
            return moved
        }
        let records = try Self.identity(cardNumber: "A12345674").records(profile: .standard)
        var items = RecordItems()
        try items.add(records: try TLV.encode(records.map(\.record)))
        #expect(try CardIdentity(items: items, profile: .standard).cardType == "1")
        #expect(try CardIdentity(items: items, profile: profile).cardType == nil)
    }
}

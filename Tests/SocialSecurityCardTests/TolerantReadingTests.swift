import CardSimulator
import HexCoding
import SocialSecurityCard
import Testing

@Suite("Reading accepts what real cards send and names each oddity; it refuses none of them")
struct TolerantReadingTests {
    static let aid = "7378312E73682EC9E7BBE1B1A3D5CF"

    /// A card whose EF05 answers `records` (whole file, as the national profile reads it).
    static func card(ef05 records: [[UInt8]]) throws -> InProcessCardChannel<ReplayCard> {
        let whole = records.flatMap { $0 }.compactHexString
        let text = """
            atr: 3B6D000000814A444686605199000001AC
            > 00A40000023F00
            < 9000
            > 00A404000F\(aid)
            < 6F1C840F\(aid)A50988011E9F0C038601039000
            > 00B2012D00
            < \(whole)9000
            """
        return InProcessCardChannel(card: ReplayCard(trace: try APDUTrace(parsing: text)))
    }

    static func record(_ tag: UInt8, _ value: [UInt8]) -> [UInt8] { [tag, UInt8(value.count)] + value }
    static func text(_ tag: UInt8, _ text: String, _ length: Int) -> [UInt8] {
        record(tag, Array(text.utf8) + Array(repeating: 0, count: length - text.utf8.count))
    }

    static func records(specVersion: String = "3.00", expiry: [UInt8] = [0x20, 0x34, 0x06, 0x11]) -> [[UInt8]] {
        [
            record(0x01, [UInt8](hex: "510100D15600000500001234A1B2C3D4")!),
            text(0x02, "1", 1),
            text(0x03, specVersion, 4),
            record(0x04, [UInt8](hex: "510100000000")!),
            record(0x05, [0x20, 0x24, 0x06, 0x11]),
            record(0x06, expiry),
            text(0x07, "A12345674", 9),
        ]
    }

    static func read(_ records: [[UInt8]]) async throws -> CardIdentity {
        let channel = try card(ef05: records)
        let identity = try await SocialSecurityCardSession.open(channel).readIdentity()
        #expect(channel.card.unrecorded.isEmpty)
        return identity
    }

    @Test func aCardAsTheProfileSaysHasNoWarnings() async throws {
        let identity = try await Self.read(Self.records())
        #expect(identity.warnings == [])
        #expect(identity.cardNumber.value == "A12345674")
    }

    @Test func unknownItemsAndRepeatedRecordsReadWithAWarningEach() async throws {
        let identity = try await Self.read(
            Self.records() + [Self.record(0x21, [0x01, 0x02]), Self.text(0x07, "B00000000", 9)])
        #expect(identity.cardNumber.value == "A12345674")
        #expect(identity.warnings.count == 2)
        #expect(identity.warnings.contains { $0.contains("tag 21") })
        #expect(identity.warnings.contains { $0.contains("item 07 more than once") })
    }

    @Test func trailingSpacesAreIgnoredWithAWarning() async throws {
        let identity = try await Self.read(Self.records(specVersion: "3.0 "))
        #expect(identity.generation == .v3)
        #expect(identity.specVersion == "3.0")
        #expect(identity.warnings.count == 1)
        #expect(identity.warnings.first?.contains("ends in spaces") == true)
    }

    @Test func aCardPastItsExpiryReadsWithAWarning() async throws {
        let identity = try await Self.read(Self.records(expiry: [0x20, 0x20, 0x01, 0x01]))
        #expect(identity.expiryDate?.yyyymmdd == "20200101")
        #expect(identity.warnings.count == 1)
        #expect(identity.warnings.first?.contains("expired") == true)
    }

    @Test func aNewerSpecVersionWhoseFilesMatchReadsAsTheNewestKnown() async throws {
        let identity = try await Self.read(Self.records(specVersion: "4.00"))
        #expect(identity.generation == .v3)
        #expect(identity.specVersion == "4.00")
        #expect(identity.warnings.first?.contains("\"4.00\"") == true)
    }

    @Test func aVersionThatIsNoVersionIsStillRefused() async throws {
        await #expect(throws: SocialSecurityCardError.unsupportedGeneration("0.50")) {
            try await Self.read(Self.records(specVersion: "0.50"))
        }
    }
}

import CardSimulator
import Foundation
import HexCoding
import SocialSecurityCard
import Testing

@Suite("Public traces of real cards replay, and our reader reads every card in them")
struct TraceReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = root.appendingPathComponent("Tests/Traces")
    static let traces: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".trace") }
        .sorted()

    static func sichuan() throws -> CardProfile {
        try CardProfile(contentsOf: root.appendingPathComponent("hardware/card-profiles/sichuan.json"))
    }

    static func trace(_ name: String) throws -> APDUTrace {
        try APDUTrace(contentsOf: folder.appendingPathComponent(name))
    }

    @Test func bothPublicTracesAreKeptWithTheirSource() throws {
        #expect(Self.traces == ["chengdu-egapp-contactless.trace", "sichuan-hsm-contact.trace"])
        for name in Self.traces {
            let trace = try Self.trace(name)
            #expect(trace.source.contains("gdgly/SI_3rdCard"))
            #expect(!trace.expectations.isEmpty)
        }
    }

    @Test(arguments: traces)
    func theCardInTheTraceReadsEndToEnd(_ name: String) async throws {
        let trace = try Self.trace(name)
        let channel = InProcessCardChannel(card: ReplayCard(trace: trace))
        let session = try await SocialSecurityCardSession.open(channel, profile: try Self.sichuan())
        let identity = try await session.readIdentity()
        let cardholder = try await session.readCardholder(of: identity, keys: ReplayKeyProvider(trace: trace))
        #expect(channel.card.unrecorded.map(\.compactHexString) == [])
        let found: [String: String] = [
            "cardNumber": identity.cardNumber.value,
            "specVersion": identity.specVersion,
            "algorithm": session.algorithm.description,
            "socialSecurityNumber": cardholder.socialSecurityNumber.unmaskedValue,
            "name": cardholder.name,
            "warnings": "\(identity.warnings.count + cardholder.warnings.count)",
        ]
        for (field, expected) in trace.expectations {
            #expect(found[field] == expected, "\(name): \(field)")
        }
        // The items the region does not read come from the ID number or stay unknown.
        #expect(cardholder.birthDate == cardholder.socialSecurityNumber.birthDate)
        #expect(cardholder.ethnicity == nil)
        #expect(identity.issueDate == nil)
    }

    /// The public trace's own numbers, which the issue's reporter read off the real cards.
    @Test func theSichuanCardIsHA1046924AndTheChengduCardFailsOnlyTheUnverifiedCheck() async throws {
        let sichuan = try Self.trace("sichuan-hsm-contact.trace")
        let chengdu = try Self.trace("chengdu-egapp-contactless.trace")
        #expect(sichuan.expectations["cardNumber"] == "HA1046924")
        #expect(sichuan.expectations["specVersion"] == "3.00")
        #expect(chengdu.expectations["cardNumber"] == "AI666666X")
        let channel = InProcessCardChannel(card: ReplayCard(trace: chengdu))
        let identity = try await SocialSecurityCardSession.open(channel, profile: try Self.sichuan()).readIdentity()
        #expect(identity.warnings.count == 1)
        #expect(identity.warnings.first?.contains("unverified") == true)
    }

    @Test func aReplayCardRefusesWhatItDidNotRecord() throws {
        var card = ReplayCard(trace: try Self.trace("sichuan-hsm-contact.trace"))
        #expect(card.respond(to: [0x00, 0xB2, 0x02, 0x00, 0x03]) == [0x6F, 0x00])
        #expect(card.unrecorded == [[0x00, 0xB2, 0x02, 0x00, 0x03]])
        // A recorded command gets its recorded answers in order, and a reset starts again.
        let challenge: [UInt8] = [0x00, 0x84, 0x00, 0x00, 0x08]
        let first = card.respond(to: challenge)
        #expect(first.compactHexString == "DBF7A936D0D18C9E9000")
        #expect(card.respond(to: challenge).compactHexString == "32D9E876ADB31BBF9000")
        card.reset()
        #expect(card.respond(to: challenge) == first)
    }

    @Test func aKeyHolderAnswerThatDiffersFromTheRecordDoesNotOpenTheCardholderFile() async throws {
        var trace = try Self.trace("sichuan-hsm-contact.trace")
        let index = try #require(trace.keyAnswers.firstIndex { $0.key == "RK-SSSE" })
        trace.keyAnswers[index].answer[0] ^= 0x01
        let channel = InProcessCardChannel(card: ReplayCard(trace: trace))
        let session = try await SocialSecurityCardSession.open(channel, profile: try Self.sichuan())
        let identity = try await session.readIdentity()
        await #expect(throws: SocialSecurityCardError.self) {
            try await session.readCardholder(of: identity, keys: ReplayKeyProvider(trace: trace))
        }
        #expect(channel.card.unrecorded.count == 1)
    }

    @Test func theNationalProfileDoesNotPretendToReadASichuanCard() async throws {
        let channel = InProcessCardChannel(card: ReplayCard(trace: try Self.trace("sichuan-hsm-contact.trace")))
        let session = try await SocialSecurityCardSession.open(channel)
        #expect(session.algorithm == .sm4)
        await #expect(throws: SocialSecurityCardError.self) { try await session.readIdentity() }
    }

    @Test func malformedTracesNameTheirLine() {
        #expect(throws: APDUTraceError.self) { try APDUTrace(parsing: "atr: 3B00\n> 00A4\n> 00B2\n< 9000") }
        #expect(throws: APDUTraceError.self) { try APDUTrace(parsing: "atr: 3B00\n< 9000") }
        #expect(throws: APDUTraceError.self) { try APDUTrace(parsing: "> 00A4\n< 9000") }
        #expect(throws: APDUTraceError.self) { try APDUTrace(parsing: "atr: 3B00\n> 00A4\n< 9G00") }
        do {
            _ = try APDUTrace(parsing: "atr: 3B00\n\nsomething else")
            Issue.record("a line that is nothing parsed")
        } catch {
            #expect(error.message.hasPrefix("trace line 3:"))
        }
    }
}

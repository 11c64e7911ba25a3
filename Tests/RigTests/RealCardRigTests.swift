import CardCrypto
import CardSimulator
import CardTestSupport
import Foundation
import HexCoding
import SmartCard
import SocialSecurityCard
import TestSupport
import Testing

extension RigTests {
    /// Cards the project did not make, through pcscd and `sskiosk card read` as a technician runs
    /// it: the two public traces of real cards, answered exactly as recorded, and a simulated card
    /// presented contactless.
    @Suite("Real cards through pcscd")
    struct RealCardsOnTheRig {
        static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        static let profile = root.appendingPathComponent("hardware/card-profiles/sichuan.json").path

        static func trace(_ name: String) -> String { root.appendingPathComponent("Tests/Traces/\(name)").path }

        /// `sskiosk card read --json` of the card in slot 0 with the Sichuan profile and the trace's key holder.
        static func read(trace: String) async throws -> [String: Any] {
            let argv = [
                Rig.sskiosk, "card", "read", "--reader", Rig.reader0, "--json", "--show-id-number",
                "--profile", profile, "--trace-keys", trace,
            ]
            let result = try await CommandRun.run(argv)
            guard result.status == 0 else {
                throw RigFailure(description: "card read exited \(result.status): \(result.standardError)")
            }
            return try #require(
                try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        }

        @Test("the Sichuan card, tag 86 in 9F0C inside A5, reads end to end with its HSM's recorded answers")
        func nestedControlInformation() async throws {
            guard Rig.isUp() else { return }
            let path = Self.trace("sichuan-hsm-contact.trace")
            let trace = try APDUTrace(contentsOf: URL(fileURLWithPath: path))
            try await Rig.withCard(ReplayCard(trace: trace)) { _, _ in
                let read = try await Self.read(trace: path)
                #expect(read["cardNumber"] as? String == "HA1046924")
                #expect(read["specVersion"] as? String == "3.00")
                #expect(read["algorithm"] as? String == "SM4")
                #expect(read["socialSecurityNumber"] as? String == trace.expectations["socialSecurityNumber"])
                #expect(read["name"] as? String == trace.expectations["name"])
                #expect((read["warnings"] as? [String]) == [])
            }
        }

        @Test("the Chengdu card, read contactless in its trace, reads with a warning for its card number")
        func cardNumberOutsideTheCheck() async throws {
            guard Rig.isUp() else { return }
            let path = Self.trace("chengdu-egapp-contactless.trace")
            let trace = try APDUTrace(contentsOf: URL(fileURLWithPath: path))
            try await Rig.withCard(ReplayCard(trace: trace)) { _, connection in
                #expect(Array(try connection.atrBlocking().prefix(4)) == [0x3B, 0x8D, 0x80, 0x01])
                let read = try await Self.read(trace: path)
                #expect(read["cardNumber"] as? String == "AI666666X")
                let warnings = try #require(read["warnings"] as? [String])
                #expect(warnings.count == 1)
                #expect(warnings.first?.contains("check character") == true)
            }
        }

        @Test("a third-generation card in the contactless field is known by its SELECT and reads with the PSAM")
        func contactless() async throws {
            guard Rig.isUp() else { return }
            let expected = try CardFixtures.person(seed: 23, generation: .v3)
            let image = try CardFixtures.image(seed: 23, generation: .v3, transmission: .contactless)
            try await SocialSecurityCardOnTheRig.withPSAM { psam in
                try await Rig.withCard(SimulatedSocialSecurityCard(image: image)) { _, connection in
                    let atr = try ATR(bytes: try connection.atrBlocking())
                    #expect(atr.historicalBytes == [0x00, 0x81, 0x54, 0x4C, 0x96, 0x86, 0x84, 0x51, 0x01])
                    let session = try await SocialSecurityCardSession.open(connection)
                    let identity = try await session.readIdentity()
                    #expect(identity == expected.identity)
                    #expect(try await session.readCardholder(of: identity, keys: psam) == expected.cardholder)
                }
            }
        }
    }
}

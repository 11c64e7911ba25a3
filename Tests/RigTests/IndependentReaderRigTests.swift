import CardCrypto
import CardSimulator
import CardTestSupport
import Foundation
import SocialSecurityCard
import TestSupport
import Testing

extension RigTests {
    /// Tests/pyscard/read_card.py, written from ../shared/CARD.md alone, and `sskiosk card read`
    /// read the same simulated card through pcscd: agreeing field by field means both follow the
    /// card as documented rather than each other.
    @Suite("An independent pyscard reader agrees with sskiosk")
    struct IndependentReader {
        static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("pyscard/read_card.py").path

        /// 16 GBK characters, 32 bytes: two more than item 09 holds, so its end goes to item 4E.
        static let longName = "阿卜杜热合曼·买买提依明·艾力江"

        struct Variant: Sendable, CustomTestStringConvertible {
            var generation: CardGeneration
            var algorithm: CardAlgorithm
            var transmission: CardImage.Transmission
            var name: String? = nil

            var testDescription: String {
                "\(generation.rawValue) \(algorithm) \(transmission.rawValue)\(name == nil ? "" : " long name")"
            }
        }

        static let variants: [Variant] =
            [CardGeneration.v1, .v2].flatMap { generation in
                [(CardAlgorithm.des, CardImage.Transmission.t0), (.des, .t1), (.sm4, .t0), (.sm4, .t1)].map {
                    Variant(generation: generation, algorithm: $0.0, transmission: $0.1)
                }
            } + [
                Variant(generation: .v2, algorithm: .des, transmission: .t0, name: longName),
                Variant(generation: .v2, algorithm: .sm4, transmission: .t1, name: longName),
            ]

        @Test("both readers print the same fields", arguments: variants)
        func agree(variant: Variant) async throws {
            guard Rig.isUp() else { return }
            let seed = UInt64(variant.generation == .v1 ? 11 : 12)
            let expected = try CardFixtures.person(seed: seed, generation: variant.generation, name: variant.name)
            let image = try CardFixtures.image(
                seed: seed, generation: variant.generation, algorithm: variant.algorithm,
                transmission: variant.transmission, name: variant.name)
            if variant.name != nil {
                #expect(Self.nameExtension(of: image).contains { $0 != 0 }, "the long name must reach item 4E")
            }

            try await Rig.withCard(SimulatedSocialSecurityCard(image: image)) { _, _ in
                let swift = try await Self.json(
                    [Rig.sskiosk, "card", "read", "--reader", Rig.reader0, "--json", "--show-id-number"])
                let python = try await Self.json([
                    "/usr/bin/python3", Self.script, "--reader", Rig.reader0, "--show-id-number",
                ])
                let perTag = try await Self.json(
                    ["/usr/bin/python3", Self.script, "--reader", Rig.reader0, "--show-id-number", "--per-tag"])

                #expect(Set(python.keys) == Set(swift.keys))
                for key in swift.keys.sorted() {
                    #expect(python[key] == swift[key], "field \(key)")
                }
                #expect(perTag == python, "per-tag and whole-file reads differ")
                // Agreeing is not enough: both must show the person on the card.
                #expect(python["name"] == expected.cardholder.name)
                #expect(python["socialSecurityNumber"] == expected.cardholder.socialSecurityNumber.unmaskedValue)
                #expect(python["cardNumber"] == expected.identity.cardNumber.value)
                #expect(python["specVersion"] == variant.generation.rawValue)
                #expect(python["algorithm"] == variant.algorithm.description)
            }
        }

        @Test("without --show-id-number the script masks the ID number as sskiosk does")
        func masked() async throws {
            guard Rig.isUp() else { return }
            let image = try CardFixtures.image(seed: 12, generation: .v2, algorithm: .sm4)
            try await Rig.withCard(SimulatedSocialSecurityCard(image: image)) { _, _ in
                let swift = try await Self.json([Rig.sskiosk, "card", "read", "--reader", Rig.reader0, "--json"])
                let python = try await Self.json(["/usr/bin/python3", Self.script, "--reader", Rig.reader0])
                let number = try CardFixtures.person(seed: 12, generation: .v2).cardholder.socialSecurityNumber
                #expect(python["socialSecurityNumber"] == number.masked)
                #expect(swift["socialSecurityNumber"] == number.masked)
            }
        }

        /// Item 4E of EF06 in `image`.
        static func nameExtension(of image: CardImage) -> [UInt8] {
            guard case .records(let records)? = image.files["SSSE/EF06"],
                let record = records.first(where: { $0.bytes.first == 0x4E })
            else { return [] }
            return Array(record.bytes.dropFirst(2))
        }

        /// Runs `argv` and parses its standard output as a JSON object of strings. sskiosk's list of
        /// `warnings` is taken out first, and must be empty: the rig's cards follow the profile.
        static func json(_ argv: [String]) async throws -> [String: String] {
            let result = try await CommandRun.run(argv)
            guard result.status == 0 else {
                throw RigFailure(
                    description: "\(argv.joined(separator: " ")) exited \(result.status): \(result.standardError)")
            }
            var object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
            if let warnings = object?.removeValue(forKey: "warnings"), (warnings as? [String])?.isEmpty != true {
                throw RigFailure(description: "\(argv.joined(separator: " ")) warned: \(warnings)")
            }
            guard let fields = object as? [String: String] else {
                throw RigFailure(
                    description:
                        "\(argv.joined(separator: " ")) printed no JSON object of strings: \(result.standardOutput)")
            }
            return fields
        }
    }
}

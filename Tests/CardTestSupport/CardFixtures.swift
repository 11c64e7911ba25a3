import CardCrypto
import CardSimulator
import Foundation
import SmartCard
import SocialSecurityCard
import TestSupport

/// Synthetic cards and the rig's test keys, shared by the in-process card tests and the rig tests.
///
/// A target of its own (`package` access, not part of any product) because two test targets need
/// it; the cards themselves come from ``SyntheticCard``, which the simulator's CLI uses too.
package enum CardFixtures {
    /// The rig's test keys as a key file is installed: a copy of hardware/rig/test-keys.json (which
    /// git checks out 0644) private to its owner, as ``SoftwareKeySet`` and `--keys` require.
    package static let keysURL = try! PrivateFile.copy(
        of: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("hardware/rig/test-keys.json"))

    package static let keys: SoftwareKeySet = try! SoftwareKeySet(contentsOf: keysURL)

    package static let pin = "123456"

    /// A person and their card data, deterministic from `seed`.
    package static func person(
        seed: UInt64,
        generation: CardGeneration = .v3,
        name: String? = nil
    ) throws -> SyntheticCard {
        try SyntheticCard(seed: seed, generation: generation, name: name)
    }

    package static func image(
        seed: UInt64 = 7,
        generation: CardGeneration = .v3,
        algorithm: CardAlgorithm = .sm4,
        transmission: CardImage.Transmission = .t1,
        blank: Bool = false,
        name: String? = nil
    ) throws -> CardImage {
        try person(seed: seed, generation: generation, name: name)
            .image(algorithm: algorithm, transmission: transmission, blank: blank, keys: keys, pin: pin)
    }

    /// The card of `seed` with `cardNumber` written over its own in EF05, unchecked: a real card's
    /// number that the unverified check rule refuses (gdgly/SI_3rdCard's `AI666666X`), say.
    package static func image(seed: UInt64 = 7, cardNumber: String) throws -> CardImage {
        var image = try image(seed: seed)
        guard case .records(var records)? = image.files["SSSE/EF05"],
            let index = records.firstIndex(where: { $0.bytes.first == 0x07 })
        else { throw CardFixtureError(description: "the synthetic card has no card number") }
        records[index] = HexBytes([0x07, UInt8(cardNumber.utf8.count)] + Array(cardNumber.utf8))
        image.files["SSSE/EF05"] = .records(records)
        return image
    }

    package static func channel(_ image: CardImage, faults: FaultPlan = .none) -> InProcessCardChannel<
        SimulatedSocialSecurityCard
    > {
        InProcessCardChannel(card: SimulatedSocialSecurityCard(image: image), faults: faults)
    }

    /// A key set with other master keys, as a terminal with the wrong keys would have.
    package static func wrongKeys() throws -> SoftwareKeySet {
        var file = try JSONSerialization.jsonObject(with: Data(contentsOf: keysURL)) as! [String: Any]
        let masterKeys = file["masterKeys"] as! [String: [String: String]]
        file["masterKeys"] = masterKeys.mapValues { $0.mapValues { String($0.reversed()) } }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wrong-keys-\(UUID()).json")
        try PrivateFile.write(JSONSerialization.data(withJSONObject: file), to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try SoftwareKeySet(contentsOf: url)
    }
}

/// A fixture that could not be made as asked.
package struct CardFixtureError: Error, CustomStringConvertible {
    package let description: String
}

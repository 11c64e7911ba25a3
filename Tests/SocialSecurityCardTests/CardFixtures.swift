import CardCrypto
import CardSimulator
import Foundation
import SmartCard
import SocialSecurityCard

/// Synthetic cards and the rig's test keys, shared by the in-process card tests.
enum CardFixtures {
    static let keysURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("hardware/rig/test-keys.json")

    static let keys: SoftwareKeySet = try! SoftwareKeySet(contentsOf: keysURL)

    static let pin = "123456"

    /// A person and their card data, deterministic from `seed`.
    static func person(
        seed: UInt64,
        generation: CardGeneration = .v3,
        name: String? = nil
    ) throws -> (identity: CardIdentity, cardholder: Cardholder) {
        var generator = SyntheticIdentity.Generator(seed: seed, rareNames: false)
        let person = generator.next()
        let region = String(person.idNumber.regionCode.prefix(4)) + "00"
        let identity = CardIdentity(
            cardIdentifier: try CardIdentifier(
                regionCode: region,
                serial: [0x00, 0x00, UInt8(seed >> 8 & 0xFF), UInt8(seed & 0xFF)],
                authenticationCode: [0x11, 0x22, 0x33, 0x44]
            ),
            cardType: "1",
            generation: generation,
            initialisingBody: region + "000000",
            issueDate: try CardDate(year: 2024, month: 3, day: 1),
            expiryDate: try CardDate(year: 2034, month: 3, day: 1),
            cardNumber: person.cardNumber
        )
        let cardholder = Cardholder(
            socialSecurityNumber: person.idNumber,
            name: name ?? person.name,
            sex: person.sex,
            ethnicity: "01",
            birthplace: person.idNumber.regionCode,
            birthDate: person.birthDate
        )
        return (identity, cardholder)
    }

    static func image(
        seed: UInt64 = 7,
        generation: CardGeneration = .v3,
        algorithm: CardAlgorithm = .sm4,
        transmission: CardImage.Transmission = .t1,
        blank: Bool = false,
        name: String? = nil
    ) throws -> CardImage {
        let (identity, cardholder) = try person(seed: seed, generation: generation, name: name)
        return try CardImage.issue(
            identity: identity,
            cardholder: blank ? nil : cardholder,
            algorithm: algorithm,
            transmission: transmission,
            keys: keys,
            pin: pin
        )
    }

    static func channel(_ image: CardImage, faults: FaultPlan = .none) -> InProcessCardChannel<
        SimulatedSocialSecurityCard
    > {
        InProcessCardChannel(card: SimulatedSocialSecurityCard(image: image), faults: faults)
    }

    /// A key set with other master keys, as a terminal with the wrong keys would have.
    static func wrongKeys() throws -> SoftwareKeySet {
        var file = try JSONSerialization.jsonObject(with: Data(contentsOf: keysURL)) as! [String: Any]
        let masterKeys = file["masterKeys"] as! [String: [String: String]]
        file["masterKeys"] = masterKeys.mapValues { $0.mapValues { String($0.reversed()) } }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wrong-keys-\(UUID()).json")
        try JSONSerialization.data(withJSONObject: file).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try SoftwareKeySet(contentsOf: url)
    }
}

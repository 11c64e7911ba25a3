import ArgumentParser
import CardCrypto
import CardSimulator
import Foundation
import SocialSecurityCard

/// Makes a card image for the simulator: a synthetic person (deterministic from a seed), or a
/// blank card as the factory delivers it to a desk. Test keys only.
struct SimImageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image",
        abstract: "Make a simulated social security card image (synthetic people only)."
    )

    enum Algorithm: String, ExpressibleByArgument, CaseIterable {
        case tripleDES = "3des"
        case sm4

        var cardAlgorithm: CardAlgorithm { self == .sm4 ? .sm4 : .des }
    }

    @Option(help: "Seed of the synthetic person.")
    var seed: UInt64 = 1

    @Option(help: "Specification generation: 1.00, 2.00 or 3.00.")
    var generation = "3.00"

    @Option(help: "Cipher: \(Algorithm.allCases.map(\.rawValue).joined(separator: ", ")).")
    var algorithm = Algorithm.sm4

    @Flag(help: "A T=0 card (answers 61xx) instead of T=1.")
    var t0 = false

    @Flag(help: "A blank card: only the factory data, for personalisation at a desk.")
    var blank = false

    @Option(help: "The name on the card, instead of the synthetic one (to try long or rare-character names).")
    var name: String?

    @Option(help: "The test key set whose master keys the card's keys derive from.")
    var keys = "hardware/rig/test-keys.json"

    @Option(help: "The card's PIN (a simulated chip's secret; test cards only).")
    var pin = "123456"

    @Option(name: .shortAndLong, help: "Where to write the image.")
    var output: String

    func run() async throws {
        guard let generation = CardGeneration(specVersion: generation) else {
            throw ValidationError("--generation must be 1.00, 2.00 or 3.00.")
        }
        var generator = SyntheticIdentity.Generator(seed: seed, rareNames: false)
        let person = generator.next()
        let region = String(person.idNumber.regionCode.prefix(4)) + "00"
        let serial = withUnsafeBytes(of: UInt32(truncatingIfNeeded: seed).bigEndian) { Array($0) }
        let identity = CardIdentity(
            cardIdentifier: try CardIdentifier(
                regionCode: region, serial: serial, authenticationCode: [0x5A, 0xA5, 0x3C, 0xC3]),
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
        let image = try CardImage.issue(
            identity: identity,
            cardholder: blank ? nil : cardholder,
            algorithm: algorithm.cardAlgorithm,
            transmission: t0 ? .t0 : .t1,
            keys: try SoftwareKeySet(contentsOf: URL(fileURLWithPath: keys)),
            pin: pin
        )
        try CardImageFile(url: URL(fileURLWithPath: output)).save(image)
        print(
            "\(blank ? "blank card" : "card of \(cardholder.socialSecurityNumber.masked)") \(identity.cardIdentifier) → \(output)"
        )
    }
}

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

    @Flag(help: "A card in a dual-interface reader's contactless field (ATR synthesised by PC/SC).")
    var contactless = false

    @Flag(help: "A blank card: only the factory data, for personalisation at a desk.")
    var blank = false

    @Option(help: "The name on the card, instead of the synthetic one (to try long or rare-character names).")
    var name: String?

    @Option(
        help: ArgumentHelp(
            "The test key set whose master keys the card's keys derive from, private to its owner (chmod 600).",
            discussion: "git checks hardware/rig/test-keys.json out 0644: install -m 600 a copy of it."))
    var keys: String

    @Option(help: "The card's PIN (a simulated chip's secret; test cards only).")
    var pin = "123456"

    @Option(name: .shortAndLong, help: "Where to write the image.")
    var output: String

    func validate() throws {
        if t0 && contactless { throw ValidationError("A contactless card speaks as T=1: give --t0 or --contactless.") }
    }

    func run() async throws {
        guard let generation = CardGeneration(specVersion: generation) else {
            throw ValidationError("--generation must be 1.00, 2.00 or 3.00.")
        }
        let card = try SyntheticCard(seed: seed, generation: generation, name: name)
        let image = try card.image(
            algorithm: algorithm.cardAlgorithm,
            transmission: contactless ? .contactless : t0 ? .t0 : .t1,
            blank: blank,
            keys: try SoftwareKeySet(contentsOf: URL(fileURLWithPath: keys)),
            pin: pin
        )
        try CardImageFile(url: URL(fileURLWithPath: output)).save(image)
        print(
            "\(blank ? "blank card" : "card of \(card.cardholder.socialSecurityNumber.masked)") \(card.identity.cardIdentifier) → \(output)"
        )
    }
}

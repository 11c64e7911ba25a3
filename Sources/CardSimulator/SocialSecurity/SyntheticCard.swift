import CardCrypto
import SocialSecurityCard

/// A synthetic resident and their card's issuer data, deterministic from a seed, so that a seed
/// names the same card in the simulator's CLI, the tests and the benchmarks.
///
/// The person is the first of ``SyntheticIdentity/Generator`` for the seed (common names only);
/// the card was issued in their home city on 2024-03-01 for ten years (../shared/CARD.md
/// "Test identities").
public struct SyntheticCard: Hashable, Sendable {
    public var identity: CardIdentity
    public var cardholder: Cardholder

    /// The person of `seed` on a card of `generation`; `name` replaces the generated name, to try
    /// long names (item 4E) or characters outside GBK.
    public init(seed: UInt64, generation: CardGeneration = .v3, name: String? = nil) throws(SocialSecurityCardError) {
        var generator = SyntheticIdentity.Generator(seed: seed, rareNames: false)
        let person = generator.next()
        let region = String(person.idNumber.regionCode.prefix(4)) + "00"
        let serial = withUnsafeBytes(of: UInt32(truncatingIfNeeded: seed).bigEndian) { Array($0) }
        do {
            identity = CardIdentity(
                cardIdentifier: try CardIdentifier(
                    regionCode: region, serial: serial, authenticationCode: [0x5A, 0xA5, 0x3C, 0xC3]),
                cardType: "1",
                generation: generation,
                initialisingBody: region + "000000",
                issueDate: try CardDate(year: 2024, month: 3, day: 1),
                expiryDate: try CardDate(year: 2034, month: 3, day: 1),
                cardNumber: person.cardNumber
            )
        } catch {
            throw .cardData(error.message)
        }
        cardholder = Cardholder(
            socialSecurityNumber: person.idNumber,
            name: name ?? person.name,
            sex: person.sex,
            ethnicity: "01",
            birthplace: person.idNumber.regionCode,
            birthDate: person.birthDate
        )
    }

    /// The card as a simulator image: personalised, or `blank` as the factory delivers it to a
    /// desk. Its keys derive from `keys`' master keys (test keys only).
    public func image(
        algorithm: CardAlgorithm,
        transmission: CardImage.Transmission,
        blank: Bool = false,
        keys: SoftwareKeySet,
        pin: String
    ) throws(SocialSecurityCardError) -> CardImage {
        try CardImage.issue(
            identity: identity,
            cardholder: blank ? nil : cardholder,
            algorithm: algorithm,
            transmission: transmission,
            keys: keys,
            pin: pin
        )
    }
}

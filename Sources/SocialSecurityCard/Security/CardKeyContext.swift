import CardCrypto

/// What makes one card's keys its own: the algorithm it uses and the factors that diversify the
/// issuer's master keys into this card's keys.
public struct CardKeyContext: Hashable, Sendable {
    public var algorithm: CardAlgorithm
    /// The region the card was issued in (six digits of GB/T 2260), the second-level factor.
    public var regionCode: String
    /// The card-level factor, from the card identifier.
    public var cardFactor: DiversificationFactor

    public init(algorithm: CardAlgorithm, regionCode: String, cardFactor: DiversificationFactor) {
        self.algorithm = algorithm
        self.regionCode = regionCode
        self.cardFactor = cardFactor
    }

    /// The context of the card with `cardIdentifier`: its region and its card factor both come
    /// from the identifier, so a card whose EF05 cannot be read (a blocked application) still has
    /// its keys found from the identifier in the desk's records.
    public init(algorithm: CardAlgorithm, cardIdentifier: CardIdentifier) throws(SocialSecurityCardError) {
        do {
            self.init(
                algorithm: algorithm,
                regionCode: cardIdentifier.regionCode,
                cardFactor: try DiversificationFactor.cardIdentifier(cardIdentifier.bytes)
            )
        } catch {
            throw .keyProviderFailed(error.message)
        }
    }

    /// The factors that turn a master key into this card's key, outermost first: the region
    /// factor (region code + "sx") for two levels, then the card factor.
    public func factors(levels: Int) throws(SocialSecurityCardError) -> [DiversificationFactor] {
        do {
            return try Array([.region(regionCode), cardFactor].suffix(levels))
        } catch {
            throw .keyProviderFailed(error.message)
        }
    }
}

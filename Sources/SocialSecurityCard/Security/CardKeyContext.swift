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

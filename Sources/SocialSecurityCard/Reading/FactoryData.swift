/// What a card carries before any desk touches it: the identifier its keys are diversified
/// with, and the specification generation it was made to.
public struct FactoryData: Hashable, Sendable {
    public var cardIdentifier: CardIdentifier
    public var generation: CardGeneration

    public init(cardIdentifier: CardIdentifier, generation: CardGeneration) {
        self.cardIdentifier = cardIdentifier
        self.generation = generation
    }
}

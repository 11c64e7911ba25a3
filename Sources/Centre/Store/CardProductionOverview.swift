import Foundation
import KioskCore

/// An area's card production as the console shows it: the cards applied for and waiting for a
/// batch, and the area's batches still at the bureau or delivered lately, each with its cards and
/// where each card now stands. Cards by number only: production follows cards, not people.
public struct CardProductionOverview: Codable, Hashable, Sendable {
    /// A card's number and its step.
    public struct Card: Codable, Hashable, Sendable {
        public var cardNumber: String
        public var status: CardStatus
    }

    public struct Batch: Codable, Hashable, Sendable {
        public var batch: CardBatch
        public var cards: [Card]
    }

    public var waiting: [Card]
    /// Newest first.
    public var batches: [Batch]

    /// How long a delivered batch stays on the page.
    public static let deliveredShownFor: TimeInterval = 30 * 86_400

    init(waiting: [StoredCard], batches: [(CardBatch, [StoredCard])]) {
        func card(_ stored: StoredCard) -> Card { Card(cardNumber: stored.card.cardNumber, status: stored.card.status) }
        self.waiting = waiting.map(card)
        self.batches = batches.map { Batch(batch: $0.0, cards: $0.1.map(card)) }
    }
}

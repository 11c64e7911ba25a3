import Foundation
import KioskCore

/// Card production at the centre, as moves on the cards' lifecycle: a batch takes every card
/// applied for in an area (applied → in production); its delivery makes the ones still in
/// production collectable (→ ready at the desk). A card reported lost meanwhile stays lost. Pure,
/// so both stores move cards alike; the steps name the centre, never a person.
enum CardProduction {
    static let actor = "centre:production"

    /// A new batch for `waiting`, the cards the store found applied for in `area`
    /// (``CentreSQL/appliedCards(in:)``); nil when none waits.
    static func start(_ waiting: [StoredCard], in area: Jurisdiction, at now: Date) throws
        -> (CardBatch, [StoredCard])?
    {
        guard !waiting.isEmpty else { return nil }
        let batch = CardBatch(
            id: "B\(area.regionPrefix)-\(now.milliseconds)", regionCode: area.regionPrefix, status: .inProduction,
            createdAt: now, cardCount: waiting.count)
        return (batch, try waiting.map { try moved($0, to: .inProduction, at: now) })
    }

    /// The batch's cards that come back ready: those still in production.
    static func deliver(_ cards: [StoredCard], at now: Date) throws -> [StoredCard] {
        try cards.filter { $0.card.status == .inProduction }.map { try moved($0, to: .readyAtDesk, at: now) }
    }

    private static func moved(_ stored: StoredCard, to status: CardStatus, at now: Date) throws -> StoredCard {
        var stored = stored
        try stored.card.move(to: status, by: actor, at: now)
        return stored
    }
}

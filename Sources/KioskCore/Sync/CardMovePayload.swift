import Foundation

/// The payload of `card.move`: a step in the card's lifecycle made at a terminal.
public struct CardMovePayload: Codable, Hashable, Sendable {
    public var cardNumber: String
    public var status: CardStatus
    /// The actor id as the ledger records it (staff id or masked card), never a full ID number.
    public var by: String
    public var at: Date

    public init(cardNumber: String, status: CardStatus, by: String, at: Date) {
        self.cardNumber = cardNumber
        self.status = status
        self.by = by
        self.at = at
    }
}

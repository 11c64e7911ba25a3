import Foundation
import KioskCore

/// A production batch (制卡批次): the cards applied for in an area, sent to the card bureau
/// together and delivered together to the desks that took the applications.
public struct CardBatch: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Hashable, Sendable {
        /// At the card bureau; its cards are `in-production`.
        case inProduction = "in-production"
        /// Back from the bureau; its cards are `ready-at-desk`.
        case delivered
    }

    public var id: String
    /// The area whose applied cards it took.
    public var regionCode: String
    public var status: Status
    public var createdAt: Date
    public var cardCount: Int

    public init(id: String, regionCode: String, status: Status, createdAt: Date, cardCount: Int) {
        self.id = id
        self.regionCode = regionCode
        self.status = status
        self.createdAt = createdAt.wholeMilliseconds
        self.cardCount = cardCount
    }
}

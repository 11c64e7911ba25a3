import Foundation

/// What the centre holds of a terminal's ledger (`GET /sync/v1/ledger/anchor`): the last head it
/// accepted, and how often it refused a head that went back on it. `sskiosk ledger verify` checks
/// the terminal's ledger against it.
public struct LedgerAnchor: Codable, Hashable, Sendable {
    /// The last head the terminal sent that extended the one before; nil before its first push.
    public var head: LedgerHead?
    public var anchoredAt: Date?
    /// Heads refused: a ledger cut back, rewritten or replaced after it was anchored, or a head
    /// that arrived after a later one (a second sender's); `ledger verify` tells which by the anchor.
    public var refusals: Int
    public var lastRefusedAt: Date?

    public init(head: LedgerHead?, anchoredAt: Date?, refusals: Int = 0, lastRefusedAt: Date? = nil) {
        self.head = head
        self.anchoredAt = anchoredAt
        self.refusals = refusals
        self.lastRefusedAt = lastRefusedAt
    }
}

/// The centre's answer to the ledger head a push carried.
public struct LedgerAnchorResult: Codable, Hashable, Sendable {
    public enum Outcome: String, Codable, Hashable, Sendable {
        /// The head extends the last one (or is the same): it is the anchor now.
        case anchored
        /// The head goes back on the anchor (a lower sequence, or the same with another value):
        /// recorded at the centre, the anchor unchanged.
        case refused
    }

    public var outcome: Outcome
    /// The centre's anchor after this push.
    public var anchored: LedgerHead?
    /// Why refused, starting with the error's code (`ledger-head-behind: …`); no personal data.
    public var reason: String?

    public init(outcome: Outcome, anchored: LedgerHead?, reason: String? = nil) {
        self.outcome = outcome
        self.anchored = anchored
        self.reason = reason
    }
}

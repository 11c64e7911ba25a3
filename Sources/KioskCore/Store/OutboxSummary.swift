import Foundation

/// The outbox at a glance, for the screens that show writes as pending and for technicians.
public struct OutboxSummary: Codable, Hashable, Sendable {
    /// Writes waiting to reach the centre.
    public var pending: Int
    /// When the oldest of them was made: how long the terminal has been cut off, at least.
    public var oldestPendingAt: Date?
    /// Writes the centre refused, waiting for a supervisor.
    public var needsReview: Int

    public init(pending: Int, oldestPendingAt: Date?, needsReview: Int) {
        self.pending = pending
        self.oldestPendingAt = oldestPendingAt
        self.needsReview = needsReview
    }
}

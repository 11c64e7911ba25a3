import Foundation

/// How the link to the centre has been going, as the sender saw it: for the status screen and
/// technicians. No personal data.
public struct SyncLinkState: Codable, Hashable, Sendable {
    /// The last time a drain emptied the outbox.
    public var lastPushAt: Date?
    /// The last time the cache was brought up to date.
    public var lastPullAt: Date?
    /// Failures in a row of each direction: 0 while the link works.
    public var pushFailures = 0
    public var pullFailures = 0
    /// The last failure's message, cleared by the next success of the same direction.
    public var lastError: String?
    /// When the sender tries again, while it waits out a backoff.
    public var nextPushAt: Date?
    /// A first load is running: the cache is not complete yet.
    public var firstLoadRunning = false

    public init() {}
}

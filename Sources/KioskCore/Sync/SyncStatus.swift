import Foundation

/// What the terminal tells staff about its sync: writes that have not reached the centre yet,
/// how old the cache is, and how the link has been going.
public struct SyncStatus: Codable, Hashable, Sendable {
    public var outbox: OutboxSummary
    /// The centre's time of the last page applied: every answer from the cache is "as of" this.
    public var cacheAsOf: Date?
    /// A first load finished; false on a new terminal or while one runs.
    public var cacheLoaded: Bool
    /// Nil when the terminal runs without a centre (a stand-alone or demo terminal).
    public var link: SyncLinkState?

    public init(outbox: OutboxSummary, cacheAsOf: Date?, cacheLoaded: Bool, link: SyncLinkState?) {
        self.outbox = outbox
        self.cacheAsOf = cacheAsOf
        self.cacheLoaded = cacheLoaded
        self.link = link
    }

    /// The status read from the store, with the sender's view of the link when there is a sender.
    public static func read(from store: any KioskStore, monitor: SyncMonitor?) async throws -> Self {
        Self(
            outbox: try await store.outboxSummary(), cacheAsOf: try await store.cacheAsOf(),
            cacheLoaded: try await store.referenceDataCursor() != nil, link: await monitor?.state)
    }
}

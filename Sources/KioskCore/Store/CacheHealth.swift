import Foundation

/// A terminal's cache file as its store reads it, for a technician's check to judge: whether
/// SQLite finds it intact, the migrations it has against the ones this build knows, the outbox's
/// backlog, and when reference data last came from the centre. Counts and times only: no personal
/// data, so a report built from it holds none.
///
/// The store answers it, so that only the store knows its tables; what counts as healthy is the
/// judge's to say, not the store's.
public struct CacheHealth: Hashable, Sendable {
    /// SQLite's quick check, line by line: `["ok"]` when it finds nothing wrong. When it finds
    /// damage, the rest is left empty: nothing read from a damaged file is worth reporting.
    public var integrity: [String]
    /// The migrations applied to the file, in the order they ran; a later build's among them.
    public var appliedMigrations: [String]
    /// The migrations this build knows, oldest first.
    public var knownMigrations: [String]
    /// The outbox's backlog; nothing pending in a cache from before the outbox.
    public var outbox: OutboxSummary
    /// The centre's time of the last reference data applied; `nil`: never synced.
    public var lastSync: Date?

    public init(
        integrity: [String], appliedMigrations: [String], knownMigrations: [String], outbox: OutboxSummary,
        lastSync: Date?
    ) {
        self.integrity = integrity
        self.appliedMigrations = appliedMigrations
        self.knownMigrations = knownMigrations
        self.outbox = outbox
        self.lastSync = lastSync
    }

    /// Whether SQLite's quick check found nothing wrong.
    public var isIntact: Bool { integrity == ["ok"] }
}

import Foundation
import KioskCore

/// One snapshot a terminal pulled, as the centre's audit keeps it: which terminal took which area
/// from which change number, how many rows went out and when. Recorded when the stream starts (so
/// that a pull broken off still counts against ``SnapshotLimit``) and completed when it ends.
public struct SnapshotPull: Hashable, Sendable {
    public var id: String
    public var terminalID: String
    /// The area pulled: the terminal's jurisdiction, or the narrower region it asked for.
    public var jurisdiction: Jurisdiction
    /// The change number every page of the snapshot carries as its cursor.
    public var cursor: SyncCursor
    public var startedAt: Date
    /// Rows sent (people and each of their records); nil while the stream runs.
    public var rowCount: Int?
    /// When the stream ended cleanly; nil while it runs, and for ever when it broke off.
    public var finishedAt: Date?
    /// A resume of a snapshot begun earlier (the same cursor), not a fresh start.
    public var resumed: Bool

    public init(
        id: String, terminalID: String, jurisdiction: Jurisdiction, cursor: SyncCursor, startedAt: Date,
        rowCount: Int? = nil, finishedAt: Date? = nil, resumed: Bool = false
    ) {
        self.id = id
        self.terminalID = terminalID
        self.jurisdiction = jurisdiction
        self.cursor = cursor
        self.startedAt = startedAt.wholeMilliseconds
        self.rowCount = rowCount
        self.finishedAt = finishedAt?.wholeMilliseconds
        self.resumed = resumed
    }
}

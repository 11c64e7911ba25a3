import Foundation
import KioskCore

/// How often one terminal may start a snapshot: at most ``starts`` in any ``window``. A snapshot
/// reads the whole jurisdiction, so a terminal that loops on it (a fault, or a stolen token
/// copying the county) would load the centre and carry off everyone's records; a new terminal
/// needs one, and a few retries after a broken link. Counted on starts, whatever became of them.
public struct SnapshotLimit: Hashable, Sendable {
    public let starts: Int
    public let window: TimeInterval

    /// At least one start per window.
    public init(starts: Int, window: TimeInterval) {
        self.starts = max(1, starts)
        self.window = window
    }

    /// Six an hour.
    public static let standard = SnapshotLimit(starts: 6, window: 60 * 60)

    /// The seconds to wait before the next start is allowed, given the terminal's earlier starts
    /// (oldest first); nil when one may start now.
    func wait(after earlier: [Date], at now: Date) -> TimeInterval? {
        RateWindow(count: starts, window: window).wait(after: earlier, at: now)
    }

    /// The pull to record for a start now, after the terminal's `earlier` starts (oldest first);
    /// throws ``CentreError/tooManySnapshots(retryAfter:)`` when they fill the window.
    func start(
        by terminal: RegisteredTerminal, of jurisdiction: Jurisdiction, cursor: SyncCursor, after earlier: [Date],
        at now: Date
    ) throws -> SnapshotPull {
        if let wait = wait(after: earlier, at: now) {
            throw CentreError.tooManySnapshots(retryAfter: max(1, Int(wait.rounded(.up))))
        }
        return SnapshotPull(
            id: "\(terminal.id)-\(now.milliseconds)-\(UUID().uuidString.prefix(8))", terminalID: terminal.id,
            jurisdiction: jurisdiction, cursor: cursor, startedAt: now)
    }
}

import Foundation
import KioskCore

/// How often one terminal may start a snapshot: at most ``starts`` in any ``window``. A snapshot
/// reads the whole jurisdiction, so a terminal that loops on it (a fault, or a stolen token
/// copying the county) would load the centre and carry off everyone's records; a new terminal
/// needs one, and a few retries after a broken link. Counted on fresh starts, whatever became of
/// them; a resume of a load broken off (a flapping village line) counts apart, against ``resumes``,
/// so that a load goes on from its last page however often the line drops, while a stolen token
/// resuming in a loop is still held.
public struct SnapshotLimit: Hashable, Sendable {
    public let starts: Int
    public let window: TimeInterval
    /// How many resumes in a window: a line down every two minutes needs thirty an hour.
    public let resumes: Int

    /// At least one start and one resume per window.
    public init(starts: Int, window: TimeInterval, resumes: Int = 60) {
        self.starts = max(1, starts)
        self.window = window
        self.resumes = max(1, resumes)
    }

    /// Six fresh starts and sixty resumes an hour.
    public static let standard = SnapshotLimit(starts: 6, window: 60 * 60)

    /// The seconds to wait before the next start (or resume) is allowed, given the terminal's
    /// earlier pulls (oldest first, each marked resumed or not); nil when one may start now.
    func wait(resuming: Bool, after earlier: [(startedAt: Date, resumed: Bool)], at now: Date) -> TimeInterval? {
        RateWindow(count: resuming ? resumes : starts, window: window)
            .wait(after: earlier.filter { $0.resumed == resuming }.map(\.startedAt), at: now)
    }

    /// The pull to record for a start now, or a resume at the snapshot's `resuming` cursor, after
    /// the terminal's `earlier` pulls (oldest first); throws ``CentreError/tooManySnapshots(retryAfter:)``
    /// when they fill the window.
    func start(
        by terminal: RegisteredTerminal, of jurisdiction: Jurisdiction, cursor: SyncCursor, resuming: Bool,
        after earlier: [(startedAt: Date, resumed: Bool)], at now: Date
    ) throws -> SnapshotPull {
        if let wait = wait(resuming: resuming, after: earlier, at: now) {
            throw CentreError.tooManySnapshots(retryAfter: max(1, Int(wait.rounded(.up))))
        }
        return SnapshotPull(
            id: "\(terminal.id)-\(now.milliseconds)-\(UUID().uuidString.prefix(8))", terminalID: terminal.id,
            jurisdiction: jurisdiction, cursor: cursor, startedAt: now, resumed: resuming)
    }
}

import Foundation

/// At most ``count`` events in any ``window``: the shape of the centre's limits on snapshot starts
/// and on refused enrolment codes.
public struct RateWindow: Hashable, Sendable {
    public let count: Int
    public let window: TimeInterval

    /// At least one event per window.
    public init(count: Int, window: TimeInterval) {
        self.count = max(1, count)
        self.window = window
    }

    /// Ten refused codes per address in a quarter of an hour: room for an installer's typing.
    public static let enrolmentRefusals = RateWindow(count: 10, window: 15 * 60)

    /// Whether an event at `time` still counts `now`.
    func counts(_ time: Date, at now: Date) -> Bool { now.timeIntervalSince(time) < window }

    /// The seconds to wait before the next event is allowed, given the earlier ones (oldest first);
    /// nil when one may happen now.
    func wait(after earlier: [Date], at now: Date) -> TimeInterval? {
        let counted = earlier.filter { counts($0, at: now) }
        guard counted.count >= count else { return nil }
        // One is free again once this one, and every one before it, has left the window.
        return counted[counted.count - count].addingTimeInterval(window).timeIntervalSince(now)
    }
}

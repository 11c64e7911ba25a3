import Foundation

/// How long the sender waits after failures: 1 s doubling to a limit (5 minutes), each wait
/// drawn between half and all of that, so that terminals cut off together by one outage do not
/// all come back in the same second.
public struct SyncBackoff: Hashable, Sendable {
    public var initial: Duration
    public var limit: Duration

    public init(initial: Duration = .seconds(1), limit: Duration = .seconds(300)) {
        self.initial = initial
        self.limit = limit
    }

    /// The longest wait after `failures` consecutive failures (0: no wait).
    public func ceiling(afterFailures failures: Int) -> Duration {
        guard failures > 0 else { return .zero }
        // 2^20 s is far beyond any limit: the shift stops there to keep the arithmetic exact.
        let doubled = initial * (1 << min(failures - 1, 20))
        return min(doubled, limit)
    }

    /// The wait after `failures` failures, `fraction` (0...1, random in use) of the way from half the
    /// ceiling to all of it.
    public func delay(afterFailures failures: Int, fraction: Double) -> Duration {
        let ceiling = ceiling(afterFailures: failures)
        return ceiling / 2 + ceiling / 2 * min(max(fraction, 0), 1)
    }

    /// Where a sender restarted after a crash picks up: the queue's head remembers how often it
    /// failed and when it was last tried, so the wait continues instead of starting again at 1 s.
    public func resumeDelay(attempts: Int, lastAttemptAt: Date?, now: Date) -> Duration {
        guard let lastAttemptAt, attempts > 0 else { return .zero }
        let due = lastAttemptAt.addingTimeInterval(Self.seconds(ceiling(afterFailures: attempts)) / 2)
        return .milliseconds(max(0, Int64(due.timeIntervalSince(now) * 1000)))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

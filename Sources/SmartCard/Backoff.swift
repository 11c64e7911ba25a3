/// Exponential back-off between attempts to reach a service that went away.
public struct Backoff: Sendable {
    public var initial: Duration
    public var maximum: Duration
    public var multiplier: Int

    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(2), multiplier: Int = 2) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
    }

    /// The delays to wait, in order: initial, initial x m, ..., capped at maximum.
    func delay(afterFailures failures: Int) -> Duration {
        var delay = initial
        for _ in 0..<max(0, failures - 1) {
            delay = delay * multiplier
            if delay >= maximum { return maximum }
        }
        return min(delay, maximum)
    }
}

import Foundation
import KioskCore
import Testing

@Suite("Backoff between attempts")
struct BackoffTests {
    @Test("1 s doubling to the 5-minute limit")
    func ceilings() {
        let backoff = SyncBackoff()
        let ceilings = (0...11).map { backoff.ceiling(afterFailures: $0) }
        #expect(
            ceilings == [0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300].map { Duration.seconds($0) })
        #expect(backoff.ceiling(afterFailures: 500) == .seconds(300))
    }

    @Test("each wait lies between half the ceiling and all of it")
    func jitter() {
        let backoff = SyncBackoff()
        #expect(backoff.delay(afterFailures: 4, fraction: 0) == .seconds(4))
        #expect(backoff.delay(afterFailures: 4, fraction: 1) == .seconds(8))
        #expect(backoff.delay(afterFailures: 4, fraction: 0.5) == .seconds(6))
        #expect(backoff.delay(afterFailures: 4, fraction: 7) == .seconds(8))
    }

    @Test("a restarted sender continues the wait its queue's head recorded")
    func resume() {
        let backoff = SyncBackoff()
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(backoff.resumeDelay(attempts: 0, lastAttemptAt: nil, now: now) == .zero)
        // Six failures: a 32 s ceiling, at least 16 s after the last attempt, 10 s ago.
        #expect(backoff.resumeDelay(attempts: 6, lastAttemptAt: now - 10, now: now) == .seconds(6))
        #expect(backoff.resumeDelay(attempts: 6, lastAttemptAt: now - 100, now: now) == .zero)
    }
}

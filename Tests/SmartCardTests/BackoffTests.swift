import Testing

@testable import SmartCard

@Suite struct BackoffTests {
    @Test func defaultDoublesFrom100msUpTo2s() {
        let backoff = Backoff()
        let delays = (1...8).map { backoff.delay(afterFailures: $0) }
        #expect(
            delays == [
                .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600),
                .seconds(2), .seconds(2), .seconds(2),
            ])
    }

    @Test func noFailureYetWaitsTheInitialDelay() {
        let backoff = Backoff()
        #expect(backoff.delay(afterFailures: 0) == .milliseconds(100))
        #expect(backoff.delay(afterFailures: -3) == .milliseconds(100))
    }

    @Test func customMultiplierAndCap() {
        let backoff = Backoff(initial: .seconds(1), maximum: .seconds(10), multiplier: 3)
        #expect(
            (1...5).map { backoff.delay(afterFailures: $0) } == [
                .seconds(1), .seconds(3), .seconds(9), .seconds(10), .seconds(10),
            ])
    }

    @Test func capHitExactly() {
        let backoff = Backoff(initial: .milliseconds(250), maximum: .seconds(1))
        #expect(
            (1...4).map { backoff.delay(afterFailures: $0) } == [
                .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(1),
            ])
    }

    @Test func initialAboveTheCapIsCapped() {
        let backoff = Backoff(initial: .seconds(5), maximum: .seconds(2))
        #expect(backoff.delay(afterFailures: 1) == .seconds(2))
        #expect(backoff.delay(afterFailures: 2) == .seconds(2))
    }

    @Test func manyFailuresStayAtTheCapWithoutOverflow() {
        let backoff = Backoff()
        #expect(backoff.delay(afterFailures: 10_000) == .seconds(2))
        #expect(backoff.delay(afterFailures: Int.max) == .seconds(2))
    }

    @Test func sequenceNeverDecreasesAndNeverExceedsTheCap() {
        let backoff = Backoff(initial: .milliseconds(7), maximum: .milliseconds(1000), multiplier: 2)
        var previous = Duration.zero
        for failures in 1...40 {
            let delay = backoff.delay(afterFailures: failures)
            #expect(delay >= previous)
            #expect(delay <= .milliseconds(1000))
            previous = delay
        }
        #expect(previous == .milliseconds(1000))
    }
}

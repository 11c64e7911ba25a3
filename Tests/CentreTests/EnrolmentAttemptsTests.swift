import Foundation
import Testing

@testable import Centre

/// Wrong enrolment codes counted per address in a sliding window.
@Suite struct EnrolmentAttemptsTests {
    let now = Fixtures.now

    @Test func anAddressWaitsOnceItsRefusalsFillTheWindowUntilTheFirstLeavesIt() throws {
        let attempts = EnrolmentAttempts(limit: RateWindow(count: 3, window: 600))
        for second in 0..<3 {
            try attempts.check("10.0.0.5", at: now.addingTimeInterval(Double(second)))
            attempts.refused("10.0.0.5", at: now.addingTimeInterval(Double(second)))
        }
        let refusal = #expect(throws: CentreError.self) {
            try attempts.check("10.0.0.5", at: now.addingTimeInterval(10))
        }
        #expect(refusal?.code == .tooManyEnrolmentAttempts)
        #expect(refusal?.retryAfter == 590)
        // Another address is not held back, and the first may try again once its first refusal is 10 minutes old.
        try attempts.check("10.0.0.6", at: now.addingTimeInterval(10))
        try attempts.check("10.0.0.5", at: now.addingTimeInterval(600))
    }

    @Test func theWaitIsSaidInWholeSecondsAndNeverZero() {
        let attempts = EnrolmentAttempts(limit: RateWindow(count: 1, window: 60))
        attempts.refused("::1", at: now)
        do {
            try attempts.check("::1", at: now.addingTimeInterval(59.6))
            Issue.record("the address was let through inside the window")
        } catch {
            #expect(error.retryAfter == 1)
        }
    }

    @Test func addressesWithNothingInTheWindowAreForgottenBeyondTheCapacity() throws {
        let attempts = EnrolmentAttempts(limit: RateWindow(count: 1, window: 60), addressCapacity: 2)
        attempts.refused("a", at: now)
        attempts.refused("b", at: now)
        #expect(attempts.rememberedAddresses == 2)
        attempts.refused("c", at: now.addingTimeInterval(120))
        // "a" and "b" were forgotten when "c" came; "c" is still held back.
        #expect(attempts.rememberedAddresses == 1)
        #expect(throws: CentreError.self) { try attempts.check("c", at: now.addingTimeInterval(121)) }
    }
}

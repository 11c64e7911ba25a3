import Foundation
import Synchronization

/// The enrolment codes each client address got wrong lately: after ``limit``'s count of refusals
/// inside its window, that address waits (429 with `Retry-After`) before it may try again.
///
/// A code holds 60 random bits, so guessing one is hopeless at any rate; the limit keeps a client
/// that loops on a wrong code (a script, an installer retrying a mistyped code) from loading the
/// centre and filling its log. Only refusals count: a right code enrols at once. Kept in memory,
/// so a restart forgets them, which gives a guesser nothing it could use.
public final class EnrolmentAttempts: Sendable {
    public let limit: RateWindow
    private let refusals = Mutex<[String: [Date]]>([:])
    /// Addresses remembered at most; beyond, those with no refusal in the window are forgotten first.
    private let addressCapacity: Int

    public init(limit: RateWindow = .enrolmentRefusals, addressCapacity: Int = 10_000) {
        self.limit = limit
        self.addressCapacity = addressCapacity
    }

    /// Throws ``CentreError/tooManyEnrolmentAttempts(retryAfter:)`` while `address` may not try.
    func check(_ address: String, at now: Date) throws(CentreError) {
        let earlier = refusals.withLock { $0[address] ?? [] }
        if let wait = limit.wait(after: earlier, at: now) {
            throw .tooManyEnrolmentAttempts(retryAfter: max(1, Int(wait.rounded(.up))))
        }
    }

    /// How many addresses are remembered now.
    var rememberedAddresses: Int { refusals.withLock(\.count) }

    /// Counts a refused code from `address`.
    func refused(_ address: String, at now: Date) {
        refusals.withLock { refusals in
            var times = (refusals[address] ?? []).filter { limit.counts($0, at: now) }
            times.append(now)
            refusals[address] = times
            if refusals.count > addressCapacity {
                refusals = refusals.filter { _, times in times.contains { limit.counts($0, at: now) } }
            }
        }
    }
}

import Foundation

/// Sign-in failures for ids that name no account, kept in memory only and at most ``capacity`` of
/// them, oldest forgotten first: they lock like a real account's, so a lockout does not tell an
/// attacker which ids exist, and a flood of made-up ids cannot grow the terminal's memory.
public struct LoginThrottle: Sendable {
    public static let capacity = 1024

    private var failures: [String: SignInFailures] = [:]
    private var order: [String] = []

    public init() {}

    /// Throws ``KioskError/accountLocked`` while `user` is locked.
    public func check(_ user: String, at now: Date) throws(KioskError) {
        try failures[user]?.check(at: now)
    }

    /// Records a failed attempt; the fifth in a row locks the id.
    public mutating func failed(_ user: String, at now: Date) {
        if failures[user] == nil {
            order.append(user)
            if order.count > Self.capacity { failures[order.removeFirst()] = nil }
        }
        _ = failures[user, default: SignInFailures()].fail(at: now)
    }

    /// How many ids it holds.
    public var count: Int { failures.count }
}

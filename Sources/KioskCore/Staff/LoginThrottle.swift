import Foundation

/// Locks an account after repeated wrong passwords: five failures lock it for fifteen minutes.
/// A pure state machine; the server keeps one and feeds it every attempt.
public struct LoginThrottle: Sendable {
    public static let maximumFailures = 5
    public static let lockDuration: TimeInterval = 15 * 60

    private var failures: [String: (count: Int, lockedUntil: Date?)] = [:]

    public init() {}

    /// Throws ``KioskError/accountLocked`` while `user` is locked.
    public func check(_ user: String, at now: Date) throws(KioskError) {
        if let until = failures[user]?.lockedUntil, now < until { throw .accountLocked }
    }

    /// Records a failed attempt; the fifth in a row locks the account.
    public mutating func failed(_ user: String, at now: Date) {
        var entry = failures[user] ?? (0, nil)
        if let until = entry.lockedUntil, now >= until { entry = (0, nil) }
        entry.count += 1
        if entry.count >= Self.maximumFailures { entry.lockedUntil = now.addingTimeInterval(Self.lockDuration) }
        failures[user] = entry
    }

    public mutating func succeeded(_ user: String) { failures[user] = nil }
}

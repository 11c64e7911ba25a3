import Foundation

/// The wrong passwords in a row for one account, and the lock they led to: five lock it for
/// fifteen minutes. For a member of staff the store keeps it, so a restart does not lift a lock.
public struct SignInFailures: Codable, Hashable, Sendable {
    public static let maximumFailures = 5
    public static let lockDuration: TimeInterval = 15 * 60

    public var count: Int
    public var lockedUntil: Date?

    public init(count: Int = 0, lockedUntil: Date? = nil) {
        self.count = count
        self.lockedUntil = lockedUntil
    }

    /// Throws ``KioskError/accountLocked`` while the lock holds.
    public func check(at now: Date) throws(KioskError) {
        if let lockedUntil, now < lockedUntil { throw .accountLocked }
    }

    /// One more wrong password; a lock that has run out starts the count again. Returns whether
    /// this failure locks the account.
    public mutating func fail(at now: Date) -> Bool {
        if let lockedUntil, now >= lockedUntil { self = Self() }
        count += 1
        guard count >= Self.maximumFailures, lockedUntil == nil else { return false }
        lockedUntil = now.addingTimeInterval(Self.lockDuration)
        return true
    }
}

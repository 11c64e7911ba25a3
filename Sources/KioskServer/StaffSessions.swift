import Foundation
import KioskCore

/// Signed-in staff: sign-in with lockout, bearer tokens that end after inactivity (the desk's idle
/// lock: the page empties its screen at the same moment) and in any case after ``maximumLifetime``,
/// sign-out.
///
/// A sign-in costs the same whether or not the id exists (an unknown id is checked against a decoy
/// hash), and locks the same way (unknown ids in memory, bounded; members' failures in the store,
/// so a restart lifts no lock, each failure and lock in the ledger): neither the time taken nor
/// the answer tells which ids are staff.
actor StaffSessions {
    /// However active, a session ends after a working day.
    static let maximumLifetime: TimeInterval = 12 * 60 * 60

    private let store: any KioskStore
    let idleLimit: TimeInterval
    private var unknownIDs = LoginThrottle()
    private var sessions: [String: (member: StaffMember, started: Date, lastSeen: Date)] = [:]

    init(store: any KioskStore, idleLimit: TimeInterval = KioskServerConfiguration.standardStaffIdleLock) {
        self.store = store
        self.idleLimit = idleLimit
    }

    /// A token for `id` if the password matches; an unknown user is answered exactly like a wrong
    /// password. The right password of a disabled account, or of one whose password someone else
    /// chose, gets no session but says why.
    func login(id: String, password: String, at now: Date) async throws -> (token: String, member: StaffMember) {
        let account = try await authenticate(id: id, password: password, at: now)
        guard !account.mustChangePassword else { throw KioskError.passwordChangeRequired }
        return try await open(account.member, at: now)
    }

    /// Replaces the password of `id`, proven by the current one, and signs them in: the way out of
    /// a forced change, and a member's own change at any time.
    func changePassword(id: String, password: String, newPassword: String, at now: Date) async throws
        -> (token: String, member: StaffMember)
    {
        let account = try await authenticate(id: id, password: password, at: now)
        let chosen = try NewPassword(newPassword, staffID: id, previous: password)
        try await store.setPassword(
            of: id, to: try PasswordHash(hashing: chosen.text), mustChangePassword: false,
            by: .staff(account.member), at: now)
        return try await open(account.member, at: now)
    }

    /// The signed-in member of `token`, while the session is within its limits and the account is
    /// still as it was at sign-in: disabled, reset, removed or changed, the session ends.
    func member(for token: String, at now: Date) async throws -> StaffMember? {
        guard let session = sessions[token] else { return nil }
        guard now.timeIntervalSince(session.lastSeen) < idleLimit,
            now.timeIntervalSince(session.started) < Self.maximumLifetime,
            let account = try await store.staff(session.member.id), !account.isDisabled, !account.mustChangePassword,
            account.member == session.member
        else {
            sessions[token] = nil
            return nil
        }
        sessions[token]?.lastSeen = now
        return session.member
    }

    func logout(_ token: String) { sessions[token] = nil }

    /// The account of `id` if `password` is its password, with the throttle, decoy and ledger
    /// entries of a sign-in; a disabled account is refused only once its password was right.
    private func authenticate(id: String, password: String, at now: Date) async throws -> StaffAccount {
        guard let account = try await store.staff(id) else {
            try unknownIDs.check(id, at: now)
            _ = PasswordHash.decoy.verify(password)
            unknownIDs.failed(id, at: now)
            throw KioskError.wrongCredentials
        }
        var failures = try await store.signInFailures(id)
        try failures.check(at: now)
        guard account.password.verify(password) else {
            let locked = failures.fail(at: now)
            try await store.recordSignInFailure(account.member, failures, locked: locked, at: now)
            throw KioskError.wrongCredentials
        }
        if failures.count > 0 { try await store.clearSignInFailures(id) }
        guard !account.isDisabled else { throw KioskError.staffDisabled }
        return account
    }

    /// A new session of `member`, on the ledger.
    private func open(_ member: StaffMember, at now: Date) async throws
        -> (token: String, member: StaffMember)
    {
        let token = Tokens.make()
        sessions[token] = (member, now, now)
        try await store.log("staff.login", subject: .staff(id: member.id), by: .staff(member), detail: "", at: now)
        return (token, member)
    }
}

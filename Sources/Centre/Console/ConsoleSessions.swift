import Foundation
import KioskCore
import Logging

/// Signed-in console staff, as the terminal's desk does it: sign-in with the terminal's lockout
/// (five wrong passwords lock for fifteen minutes, kept in the store), a forced change of a
/// password someone else chose, bearer tokens that end after ``idleLimit`` without a request and in
/// any case after ``maximumLifetime``. An unknown id costs the same scrypt and locks the same way as
/// a real one, so neither time nor answer tells who is staff. Tokens live in memory only: a restart
/// of the centre signs everyone out.
public actor ConsoleSessions {
    public static let maximumLifetime: TimeInterval = 12 * 60 * 60
    public static let standardIdleLimit: TimeInterval = 30 * 60

    private let store: any CentreStore
    private let logger: Logger
    let idleLimit: TimeInterval
    private var unknownIDs = LoginThrottle()
    private var sessions: [String: (member: CentreStaffMember, started: Date, lastSeen: Date)] = [:]

    public init(store: any CentreStore, logger: Logger, idleLimit: TimeInterval = standardIdleLimit) {
        self.store = store
        self.logger = logger
        self.idleLimit = idleLimit
    }

    /// A token for `id` if the password matches and is the member's own.
    func signIn(id: String, password: String, at now: Date) async throws -> ConsoleSession {
        let account = try await authenticate(id: id, password: password, at: now)
        guard account.member.role.usesConsole else { throw CentreError.terminalOnlyAccount }
        guard !account.mustChangePassword else { throw KioskError.passwordChangeRequired }
        return open(account.member, at: now)
    }

    /// Replaces the password of `id`, proven by the current one, by one the member chose (the
    /// terminal's ``NewPassword`` rules), and signs them in.
    func changePassword(id: String, password: String, newPassword: String, at now: Date) async throws
        -> ConsoleSession
    {
        var account = try await authenticate(id: id, password: password, at: now)
        guard account.member.role.usesConsole else { throw CentreError.terminalOnlyAccount }
        let chosen = try NewPassword(newPassword, staffID: id, previous: password)
        account.password = try PasswordHash(hashing: chosen.text)
        account.mustChangePassword = false
        try await store.saveStaff(
            account, audit: CentreLedgerEvent(by: account.member, "staff.password-changed", .staff(id: id)))
        logger.info("console password changed", metadata: ["staff": "\(id)"])
        return open(account.member, at: now)
    }

    /// The member of `token` while the session is within its limits and the account is as it was at
    /// sign-in: disabled, reset or changed, the session ends.
    func member(for token: String, at now: Date) async throws -> CentreStaffMember? {
        guard let session = sessions[token] else { return nil }
        guard now.timeIntervalSince(session.lastSeen) < idleLimit,
            now.timeIntervalSince(session.started) < Self.maximumLifetime,
            let account = try await store.staffAccount(id: session.member.id), !account.isDisabled,
            !account.mustChangePassword, account.member == session.member
        else {
            sessions[token] = nil
            return nil
        }
        sessions[token]?.lastSeen = now
        return session.member
    }

    func signOut(_ token: String) { sessions[token] = nil }

    private func authenticate(id: String, password: String, at now: Date) async throws -> CentreStaffAccount {
        guard var account = try await store.staffAccount(id: id) else {
            try unknownIDs.check(id, at: now)
            _ = PasswordHash.decoy.verify(password)
            unknownIDs.failed(id, at: now)
            throw KioskError.wrongCredentials
        }
        try account.failures.check(at: now)
        guard account.password.verify(password) else {
            let locked = account.failures.fail(at: now)
            if locked { logger.warning("console account locked", metadata: ["staff": "\(id)"]) }
            try await store.saveStaff(
                account,
                audit: CentreLedgerEvent(
                    by: account.member, locked ? "staff.locked" : "staff.sign-in-failed", .staff(id: id)))
            throw KioskError.wrongCredentials
        }
        if account.failures.count > 0 {
            account.failures = SignInFailures()
            try await store.saveStaff(
                account, audit: CentreLedgerEvent(by: account.member, "staff.failures-cleared", .staff(id: id)))
        }
        guard !account.isDisabled else { throw KioskError.staffDisabled }
        return account
    }

    private func open(_ member: CentreStaffMember, at now: Date) -> ConsoleSession {
        let token = TerminalToken.make()
        sessions[token] = (member, now, now)
        logger.info("console sign-in", metadata: ["staff": "\(member.id)", "role": "\(member.role.rawValue)"])
        return ConsoleSession(token: token, staff: member, idleSeconds: Int(idleLimit))
    }
}

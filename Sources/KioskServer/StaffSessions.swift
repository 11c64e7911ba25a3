import Foundation
import KioskCore

/// Signed-in staff: login with lockout, bearer tokens that expire after inactivity, logout.
actor StaffSessions {
    private let store: any KioskStore
    private let idleLimit: TimeInterval
    private var throttle = LoginThrottle()
    private var sessions: [String: (member: StaffMember, lastSeen: Date)] = [:]

    init(store: any KioskStore, idleLimit: TimeInterval = 30 * 60) {
        self.store = store
        self.idleLimit = idleLimit
    }

    /// A token for `id` if the password matches; wrong passwords count towards the lockout, and
    /// an unknown user is answered exactly like a wrong password.
    func login(id: String, password: String, at now: Date) async throws -> (token: String, member: StaffMember) {
        try throttle.check(id, at: now)
        guard let (member, hash) = try await store.staff(id), hash.verify(password) else {
            throttle.failed(id, at: now)
            throw KioskError.wrongCredentials
        }
        throttle.succeeded(id)
        let token = Tokens.make()
        sessions[token] = (member, now)
        try await store.log("staff.login", subject: .staff(id: id), by: .staff(member), detail: "", at: now)
        return (token, member)
    }

    func member(for token: String, at now: Date) -> StaffMember? {
        guard let session = sessions[token] else { return nil }
        guard now.timeIntervalSince(session.lastSeen) < idleLimit else {
            sessions[token] = nil
            return nil
        }
        sessions[token] = (session.member, now)
        return session.member
    }

    func logout(_ token: String) { sessions[token] = nil }
}

import Foundation
import KioskCore
import KioskSQLite
import Testing

@testable import KioskServer

@Suite("Staff sign-in: locks that survive a restart, ids that cannot be told apart, sessions that end")
struct StaffSignInTests {
    static let password = "right password"
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let administrator = Principal.administrator(account: "root")
    /// The terminal's ledger key, the same after the restart.
    static let ledgerKey = LedgerKey.generate()

    /// A store with one clerk, at a path a second store (the restarted service) can open again.
    static func store() async throws -> (SQLiteKioskStore, String, StaffMember) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("staff-\(UUID()).sqlite").path
        let store = try SQLiteKioskStore(path: path, ledgerKey: Self.ledgerKey)
        try await store.setTerminal(
            TerminalIdentity(terminalID: "T1", jurisdiction: try Jurisdiction("430102001"), name: "测试"))
        let clerk = StaffMember(id: "clerk1", name: "经办员", role: .clerk, jurisdiction: try Jurisdiction("430102001"))
        try await store.addStaff(
            StaffAccount(
                member: clerk, password: try PasswordHash(hashing: Self.password, cost: 10), mustChangePassword: false,
                isDisabled: false),
            by: Self.administrator, at: Self.start)
        return (store, path, clerk)
    }

    @Test func aLockSurvivesARestartAndEachFailureIsOnTheLedger() async throws {
        let (store, path, _) = try await Self.store()
        let sessions = StaffSessions(store: store)
        for _ in 0..<SignInFailures.maximumFailures {
            await #expect(throws: KioskError.wrongCredentials) {
                try await sessions.login(id: "clerk1", password: "wrong", at: Self.start)
            }
        }
        let restarted = StaffSessions(store: try SQLiteKioskStore(path: path, ledgerKey: Self.ledgerKey))
        await #expect(throws: KioskError.accountLocked) {
            try await restarted.login(id: "clerk1", password: Self.password, at: Self.start.addingTimeInterval(60))
        }
        let later = Self.start.addingTimeInterval(SignInFailures.lockDuration + 1)
        _ = try await restarted.login(id: "clerk1", password: Self.password, at: later)
        #expect(try await store.signInFailures("clerk1") == SignInFailures())

        let actions = try await store.ledger(from: 1, limit: 100).map(\.action)
        #expect(actions.filter { $0 == "staff.sign-in-failed" }.count == SignInFailures.maximumFailures)
        #expect(actions.filter { $0 == "staff.locked" }.count == 1)
        #expect(actions.last == "staff.login")
    }

    @Test func anIdThatNamesNoOneLocksAsAClerksWouldAndIsNeverStored() async throws {
        let (store, _, _) = try await Self.store()
        let sessions = StaffSessions(store: store)
        for id in ["clerk1", "nobody"] {
            for _ in 0..<SignInFailures.maximumFailures {
                await #expect(throws: KioskError.wrongCredentials) {
                    try await sessions.login(id: id, password: "wrong", at: Self.start)
                }
            }
            await #expect(throws: KioskError.accountLocked) {
                try await sessions.login(id: id, password: "wrong", at: Self.start)
            }
        }
        #expect(try await store.ledger(from: 1, limit: 100).allSatisfy { !$0.subject.contains("nobody") })
    }

    @Test func madeUpIdsCannotGrowTheThrottleWithoutBound() {
        var throttle = LoginThrottle()
        for n in 0..<(LoginThrottle.capacity + 500) { throttle.failed("id-\(n)", at: Self.start) }
        #expect(throttle.count == LoginThrottle.capacity)
    }

    @Test func aSessionEndsAfterItsLifetimeHoweverActive() async throws {
        let (store, _, clerk) = try await Self.store()
        let sessions = StaffSessions(store: store, idleLimit: 30 * 60)
        let (token, _) = try await sessions.login(id: "clerk1", password: Self.password, at: Self.start)
        var now = Self.start
        while now < Self.start.addingTimeInterval(StaffSessions.maximumLifetime - 20 * 60) {
            now = now.addingTimeInterval(20 * 60)
            #expect(try await sessions.member(for: token, at: now) == clerk)
        }
        #expect(
            try await sessions.member(for: token, at: Self.start.addingTimeInterval(StaffSessions.maximumLifetime))
                == nil)
        #expect(try await sessions.member(for: token, at: Self.start) == nil, "an ended session stays ended")
    }

    @Test func aNewAccountSignsInOnlyAfterChoosingItsOwnPassword() async throws {
        let (store, _, _) = try await Self.store()
        let member = StaffMember(id: "clerk2", name: "新经办员", role: .clerk, jurisdiction: try Jurisdiction("430102001"))
        try await store.addStaff(
            StaffAccount(
                member: member, password: try PasswordHash(hashing: "first password", cost: 10),
                mustChangePassword: true, isDisabled: false),
            by: Self.administrator, at: Self.start)
        let sessions = StaffSessions(store: store)
        // The right first password gets no session; a wrong one is only a wrong password.
        await #expect(throws: KioskError.passwordChangeRequired) {
            try await sessions.login(id: "clerk2", password: "first password", at: Self.start)
        }
        await #expect(throws: KioskError.wrongCredentials) {
            try await sessions.changePassword(
                id: "clerk2", password: "a guess", newPassword: "my own password", at: Self.start)
        }
        for weak in ["short", "first password", "clerk2", "aaaaaaaaaa"] {
            await #expect(throws: KioskError.weakPassword) {
                try await sessions.changePassword(
                    id: "clerk2", password: "first password", newPassword: weak, at: Self.start)
            }
        }
        let (token, signedIn) = try await sessions.changePassword(
            id: "clerk2", password: "first password", newPassword: "my own password", at: Self.start)
        #expect(signedIn == member)
        #expect(try await sessions.member(for: token, at: Self.start) == member)
        await #expect(throws: KioskError.wrongCredentials) {
            try await sessions.login(id: "clerk2", password: "first password", at: Self.start)
        }
        _ = try await sessions.login(id: "clerk2", password: "my own password", at: Self.start)
        let entries = try await store.ledger(from: 1, limit: 100).filter { $0.subject == "staff:clerk2" }
        #expect(
            entries.map(\.action) == [
                "staff.added", "staff.sign-in-failed", "staff.password-changed", "staff.login", "staff.sign-in-failed",
                "staff.login",
            ])
        #expect(entries.first?.actor == "admin:root")
        #expect(entries[2].actor == "clerk2", "a member's own change is theirs")
    }

    @Test func disablingOrResettingEndsOpenSessionsAtTheirNextRequest() async throws {
        let (store, _, clerk) = try await Self.store()
        let sessions = StaffSessions(store: store)
        let (first, _) = try await sessions.login(id: "clerk1", password: Self.password, at: Self.start)
        try await store.setStaffDisabled("clerk1", true, by: Self.administrator, at: Self.start)
        #expect(try await sessions.member(for: first, at: Self.start) == nil)
        await #expect(throws: KioskError.staffDisabled) {
            try await sessions.login(id: "clerk1", password: Self.password, at: Self.start)
        }
        await #expect(throws: KioskError.wrongCredentials, "a disabled account still hides behind a wrong password") {
            try await sessions.login(id: "clerk1", password: "wrong", at: Self.start)
        }
        try await store.setStaffDisabled("clerk1", false, by: Self.administrator, at: Self.start)
        #expect(try await store.signInFailures("clerk1") == SignInFailures(), "enabling lifts the failures")
        let (second, _) = try await sessions.login(id: "clerk1", password: Self.password, at: Self.start)
        #expect(try await sessions.member(for: second, at: Self.start) == clerk)
        try await store.setPassword(
            of: "clerk1", to: try PasswordHash(hashing: "reset by admin", cost: 10), mustChangePassword: true,
            by: Self.administrator, at: Self.start)
        #expect(try await sessions.member(for: second, at: Self.start) == nil)
        await #expect(throws: KioskError.passwordChangeRequired) {
            try await sessions.login(id: "clerk1", password: "reset by admin", at: Self.start)
        }
        await #expect(throws: KioskError.unknownStaff) {
            try await store.setStaffDisabled("nobody", true, by: Self.administrator, at: Self.start)
        }
    }
}

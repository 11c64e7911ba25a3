import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    public func addStaff(_ account: StaffAccount, by principal: Principal, at now: Date) async throws {
        try await pool.write { db in
            guard try !StaffRow.exists(db, key: account.member.id) else { throw KioskError.staffIDTaken }
            try StaffRow(account).insert(db)
            try ChangeRecorder(db, at: now, key: ledgerKey).log(
                "staff.added", subject: .staff(id: account.member.id), by: principal,
                detail: "role=\(account.member.role.rawValue) jurisdiction=\(account.member.jurisdiction.regionPrefix)")
        }
    }

    public func staff(_ id: String) async throws -> StaffAccount? {
        try await pool.read { db in try StaffRow.fetchOne(db, key: id)?.account() }
    }

    public func staffAccounts() async throws -> [StaffAccount] {
        try await pool.read { db in try StaffRow.order(Column("id")).fetchAll(db).map { try $0.account() } }
    }

    /// A member's own new password on an account the centre administers goes up to it too, so that
    /// it serves them at every terminal of their area; a reset here stays here.
    public func setPassword(
        of id: String, to password: PasswordHash, mustChangePassword: Bool, by principal: Principal, at now: Date
    ) async throws {
        try await pool.write { db in
            try Self.updateStaff(
                db, id,
                [
                    StaffRow.Columns.passwordHash.set(to: password.encoded),
                    StaffRow.Columns.mustChangePassword.set(to: mustChangePassword),
                ])
            try SignInFailureRow.deleteOne(db, key: id)
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            if !mustChangePassword, try StaffRow.fetchOne(db, key: id)?.fromCentre == true {
                try recorder.enqueue(
                    .staffPassword, payload: StaffPasswordPayload(id: id, passwordHash: password.encoded, at: now),
                    baseVersion: nil, priority: SyncCommandKind.normalPriority)
            }
            try recorder.log(
                mustChangePassword ? "staff.password-reset" : "staff.password-changed", subject: .staff(id: id),
                by: principal, detail: "")
        }
    }

    public func setStaffDisabled(_ id: String, _ disabled: Bool, by principal: Principal, at now: Date) async throws {
        try await pool.write { db in
            try Self.updateStaff(db, id, [StaffRow.Columns.disabled.set(to: disabled)])
            if !disabled { try SignInFailureRow.deleteOne(db, key: id) }
            try ChangeRecorder(db, at: now, key: ledgerKey).log(
                disabled ? "staff.disabled" : "staff.enabled", subject: .staff(id: id), by: principal, detail: "")
        }
    }

    private static func updateStaff(_ db: Database, _ id: String, _ assignments: [ColumnAssignment]) throws {
        guard try StaffRow.filter(key: id).updateAll(db, assignments) == 1 else { throw KioskError.unknownStaff }
    }

    public func signInFailures(_ id: String) async throws -> SignInFailures {
        try await pool.read { db in try SignInFailureRow.fetchOne(db, key: id)?.failures ?? SignInFailures() }
    }

    public func recordSignInFailure(_ member: StaffMember, _ failures: SignInFailures, locked: Bool, at now: Date)
        async throws
    {
        try await pool.write { db in
            try SignInFailureRow(staffID: member.id, failures).save(db)
            let recorder = try ChangeRecorder(db, at: now, key: ledgerKey)
            try recorder.log(
                "staff.sign-in-failed", subject: .staff(id: member.id), by: .staff(member),
                detail: "wrong password \(failures.count) in a row")
            if locked, let until = failures.lockedUntil {
                try recorder.log(
                    "staff.locked", subject: .staff(id: member.id), by: .staff(member),
                    detail: "locked until \(until.formatted(.iso8601))")
            }
        }
    }

    public func clearSignInFailures(_ id: String) async throws {
        _ = try await pool.write { db in try SignInFailureRow.deleteOne(db, key: id) }
    }
}

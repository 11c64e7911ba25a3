import Foundation
import GRDB
import KioskCore

extension SQLiteKioskStore {
    /// Adds a member of staff; an id already in use is refused rather than overwritten, so adding
    /// cannot quietly reset someone's password.
    public func addStaff(_ member: StaffMember, password: PasswordHash) async throws {
        try await pool.write { db in
            guard try !StaffRow.exists(db, key: member.id) else { throw KioskError.staffIDTaken }
            try StaffRow(member, password: password).insert(db)
        }
    }

    public func staff(_ id: String) async throws -> (member: StaffMember, password: PasswordHash)? {
        try await pool.read { db in
            guard let row = try StaffRow.fetchOne(db, key: id) else { return nil }
            return (try row.member(), PasswordHash(encoded: row.passwordHash))
        }
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

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
}

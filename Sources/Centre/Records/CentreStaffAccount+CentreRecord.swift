import Foundation
import KioskCore

/// A row of `centreStaff`: flags as 0 or 1, instants in milliseconds, the password as its encoded hash.
extension CentreStaffAccount: CentreRecord {
    static let tableName = "centreStaff"

    enum Columns: Int, TableColumns {
        case id, name, role, jurisdiction, passwordHash, mustChangePassword, disabled, failureCount, lockedUntil
        case createdAt
    }

    init(row: TableRow<CentreStaffAccount>) throws {
        guard let role = CentreRole(rawValue: try row.text(.role)) else { throw CorruptRow(Self.self, .role) }
        guard let jurisdiction = try? Jurisdiction(try row.text(.jurisdiction)) else {
            throw CorruptRow(Self.self, .jurisdiction)
        }
        self.init(
            member: CentreStaffMember(
                id: try row.text(.id), name: try row.text(.name), role: role, jurisdiction: jurisdiction),
            password: PasswordHash(encoded: try row.text(.passwordHash)),
            mustChangePassword: try row.integer(.mustChangePassword) != 0, isDisabled: try row.integer(.disabled) != 0,
            failures: SignInFailures(
                count: Int(try row.integer(.failureCount)),
                lockedUntil: try row.optionalInteger(.lockedUntil).map(Date.init(milliseconds:))),
            createdAt: Date(milliseconds: try row.integer(.createdAt)))
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .id: .text(member.id)
        case .name: .text(member.name)
        case .role: .text(member.role.rawValue)
        case .jurisdiction: .text(member.jurisdiction.regionPrefix)
        case .passwordHash: .text(password.encoded)
        case .mustChangePassword: .integer(mustChangePassword ? 1 : 0)
        case .disabled: .integer(isDisabled ? 1 : 0)
        case .failureCount: .integer(Int64(failures.count))
        case .lockedUntil: SQLValue(failures.lockedUntil?.milliseconds)
        case .createdAt: .integer(createdAt.milliseconds)
        }
    }
}

import GRDB
import KioskCore

/// A row of `staff`: a member of staff with their password hash and the account's state (v9), and
/// whether the centre administers the account (v13) or the terminal's own administrator does.
struct StaffRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "staff"

    var id: String
    var name: String
    var role: Role
    var jurisdiction: String
    var passwordHash: String
    var mustChangePassword: Bool
    var disabled: Bool
    var fromCentre: Bool

    enum Columns {
        static let name = Column(CodingKeys.name)
        static let passwordHash = Column(CodingKeys.passwordHash)
        static let mustChangePassword = Column(CodingKeys.mustChangePassword)
        static let disabled = Column(CodingKeys.disabled)
    }

    init(_ account: StaffAccount, fromCentre: Bool = false) {
        id = account.member.id
        name = account.member.name
        role = account.member.role
        jurisdiction = account.member.jurisdiction.regionPrefix
        passwordHash = account.password.encoded
        mustChangePassword = account.mustChangePassword
        disabled = account.isDisabled
        self.fromCentre = fromCentre
    }

    func account() throws(KioskError) -> StaffAccount {
        StaffAccount(
            member: StaffMember(id: id, name: name, role: role, jurisdiction: try Jurisdiction(jurisdiction)),
            password: PasswordHash(encoded: passwordHash), mustChangePassword: mustChangePassword, isDisabled: disabled)
    }
}

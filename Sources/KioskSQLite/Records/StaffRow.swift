import GRDB
import KioskCore

/// A row of `staff`: a member of staff with their password hash.
struct StaffRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "staff"

    var id: String
    var name: String
    var role: Role
    var jurisdiction: String
    var passwordHash: String

    enum Columns {
        static let name = Column(CodingKeys.name)
    }

    init(_ member: StaffMember, password: PasswordHash) {
        id = member.id
        name = member.name
        role = member.role
        jurisdiction = member.jurisdiction.regionPrefix
        passwordHash = password.encoded
    }

    func member() throws(KioskError) -> StaffMember {
        StaffMember(id: id, name: name, role: role, jurisdiction: try Jurisdiction(jurisdiction))
    }
}

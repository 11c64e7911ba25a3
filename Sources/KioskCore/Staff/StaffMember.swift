/// A member of staff as the terminal knows them (no password here: see ``PasswordHash``).
public struct StaffMember: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var role: Role
    public var jurisdiction: Jurisdiction

    public init(id: String, name: String, role: Role, jurisdiction: Jurisdiction) {
        self.id = id
        self.name = name
        self.role = role
        self.jurisdiction = jurisdiction
    }
}

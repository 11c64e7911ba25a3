import KioskCore

/// A member of the county centre's staff as the console knows them (the password is in
/// ``CentreStaffAccount``): their role and the area they see, a county or one of its townships.
public struct CentreStaffMember: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var role: CentreRole
    public var jurisdiction: Jurisdiction

    public init(id: String, name: String, role: CentreRole, jurisdiction: Jurisdiction) {
        self.id = id
        self.name = name
        self.role = role
        self.jurisdiction = jurisdiction
    }

    /// Whether `jurisdiction` is one the centre's staff may have: a county (6 digits) or a township (9).
    public static func isStaffArea(_ jurisdiction: Jurisdiction) -> Bool {
        [6, 9].contains(jurisdiction.regionPrefix.count)
    }
}

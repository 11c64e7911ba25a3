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

    /// Whether `jurisdiction` is one a member of `role` may have: a county (6 digits) or a township (9)
    /// for the console's roles; a township or a village (12) for those who work at the terminals only.
    public static func isStaffArea(_ jurisdiction: Jurisdiction, for role: CentreRole) -> Bool {
        (role.usesConsole ? [6, 9] : [9, 12]).contains(jurisdiction.regionPrefix.count)
    }

    /// The account as a terminal serving `area` keeps it: nil when the role does not work at the
    /// terminals or neither area lies inside the other (a township's clerk at one of its villages'
    /// terminals, a county's technician anywhere in it).
    public func terminalMember(serving area: Jurisdiction) -> StaffMember? {
        guard let role = role.terminalRole, jurisdiction.meets(area) else { return nil }
        return StaffMember(id: id, name: name, role: role, jurisdiction: jurisdiction)
    }
}

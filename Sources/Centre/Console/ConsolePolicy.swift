/// Who may do what in the console. One table, so a review of the rules reads one file; the area is
/// always the member's own jurisdiction (``CentreStaffMember/jurisdiction``).
public enum ConsolePolicy {
    public static func allows(_ role: CentreRole, _ action: ConsoleAction) -> Bool {
        switch role {
        case .countyAdministrator: true
        case .countySupervisor: action != .manageTerminals && action != .manageStaff
        case .technician: action == .viewTerminals || action == .viewFleet
        case .countyAuditor: [.viewTerminals, .viewCardProduction, .viewFigures].contains(action)
        case .clerk, .supervisor: false
        }
    }

    /// Throws unless `member` may take `action` on something in `regionCode` (nil: no place named).
    public static func authorize(_ member: CentreStaffMember, _ action: ConsoleAction, regionCode: String? = nil)
        throws(CentreError)
    {
        guard allows(member.role, action) else { throw .consoleForbidden }
        if let regionCode, !member.jurisdiction.contains(regionCode) { throw .outsideStaffJurisdiction }
    }
}

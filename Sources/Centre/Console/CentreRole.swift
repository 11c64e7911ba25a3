import KioskCore

/// A role of the staff the county centre administers (分级管理、分权操作): what each may do in the
/// console is in ``ConsolePolicy``, and the roles that work at the terminals go down to them with
/// their accounts. None of them sees a resident's records in the console.
public enum CentreRole: String, Codable, CaseIterable, Hashable, Sendable {
    /// 县级管理员: issues enrolment codes, revokes and rotates terminals, manages staff.
    case countyAdministrator = "county-administrator"
    /// 县级主管: oversees the terminals and their health.
    case countySupervisor = "county-supervisor"
    /// 县级审计员: reads which terminals there are and their state.
    case countyAuditor = "county-auditor"
    /// 技术员: keeps the terminals running; sees their health, and signs in at the terminals too.
    case technician
    /// 经办人 at a township or village desk: signs in at the terminals only.
    case clerk
    /// 主管 of a township or village hall: signs in at the terminals only.
    case supervisor

    /// The role the account has at the terminals it is synced to; nil for the county's console-only roles.
    public var terminalRole: Role? {
        switch self {
        case .technician: .technician
        case .clerk: .clerk
        case .supervisor: .supervisor
        case .countyAdministrator, .countySupervisor, .countyAuditor: nil
        }
    }

    /// Whether the role signs in at the console at all.
    public var usesConsole: Bool {
        switch self {
        case .clerk, .supervisor: false
        case .countyAdministrator, .countySupervisor, .countyAuditor, .technician: true
        }
    }
}

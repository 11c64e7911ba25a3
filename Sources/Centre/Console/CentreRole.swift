/// A role of the county centre's staff (分级管理、分权操作): what each may do in the console is in
/// ``ConsolePolicy``. None of them sees a resident's records there.
public enum CentreRole: String, Codable, CaseIterable, Hashable, Sendable {
    /// 县级管理员: issues enrolment codes, revokes and rotates terminals.
    case countyAdministrator = "county-administrator"
    /// 县级主管: oversees the terminals and their health.
    case countySupervisor = "county-supervisor"
    /// 县级审计员: reads which terminals there are and their state.
    case countyAuditor = "county-auditor"
    /// 技术员: keeps the terminals running; sees their health.
    case technician
}

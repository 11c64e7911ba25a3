/// A staff role (分级管理、分权操作): what each may do is in ``AccessPolicy``.
public enum Role: String, Codable, CaseIterable, Hashable, Sendable {
    /// 经办人: takes applications, serves residents at the desk.
    case clerk
    /// 主管: approves, reviews the day, handles possible duplicates.
    case supervisor
    /// 技术员: hardware and service diagnostics; sees no personal data.
    case technician
    /// 审计员: reads the ledger and statistics.
    case auditor
}

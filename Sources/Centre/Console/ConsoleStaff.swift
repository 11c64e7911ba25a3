import Foundation
import KioskCore

/// A member of the centre's staff as the console's staff page lists them: never a password hash.
struct ConsoleStaff: Codable, Sendable {
    var id: String
    var name: String
    var role: CentreRole
    var jurisdiction: String
    var disabled: Bool
    /// Their password was set by someone else and must be changed at their next sign-in.
    var mustChangePassword: Bool
    /// Locked after wrong passwords until then; nil when not locked.
    var lockedUntil: Date?
    var createdAt: Date

    init(_ account: CentreStaffAccount, at now: Date) {
        id = account.member.id
        name = account.member.name
        role = account.member.role
        jurisdiction = account.member.jurisdiction.regionPrefix
        disabled = account.isDisabled
        mustChangePassword = account.mustChangePassword
        lockedUntil = account.failures.lockedUntil.flatMap { $0 > now ? $0 : nil }
        createdAt = account.createdAt
    }
}

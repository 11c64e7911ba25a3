import Foundation

/// A member's own new password, chosen at a terminal, for the centre that administers their
/// account: kept there, it goes down to every terminal they work at, so that one password serves
/// them in every hall of their area. The hash only, never the password.
public struct StaffPasswordPayload: Codable, Hashable, Sendable {
    public var id: String
    /// The scrypt hash in its text form (``PasswordHash/encoded``).
    public var passwordHash: String
    public var at: Date

    public init(id: String, passwordHash: String, at: Date) {
        self.id = id
        self.passwordHash = passwordHash
        self.at = at
    }
}

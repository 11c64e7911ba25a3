/// A member of staff as sign-in sees them: who they are, their password hash and the account's
/// state, kept together so that a check of one is never made without the others.
public struct StaffAccount: Hashable, Sendable {
    public var member: StaffMember
    public var password: PasswordHash
    /// Set on a new account and after an administrator's reset: someone else chose the password,
    /// so the member must choose their own before their first session.
    public var mustChangePassword: Bool
    /// A disabled account signs in nowhere, and its open sessions end at their next request.
    public var isDisabled: Bool

    public init(member: StaffMember, password: PasswordHash, mustChangePassword: Bool, isDisabled: Bool) {
        self.member = member
        self.password = password
        self.mustChangePassword = mustChangePassword
        self.isDisabled = isDisabled
    }
}

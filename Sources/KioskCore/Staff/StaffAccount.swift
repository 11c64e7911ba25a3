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

    /// Whether a case, a home visit or a dispute of `regionCode` may be given to this account: an
    /// active clerk or supervisor whose jurisdiction holds it.
    public func takesWork(in regionCode: String) -> Bool {
        !isDisabled && [.clerk, .supervisor].contains(member.role) && member.jurisdiction.contains(regionCode)
    }
}

/// On the sync's wire, flat: `{"id", "name", "role", "jurisdiction", "passwordHash",
/// "mustChangePassword", "disabled"}` (docs/SYNC.md). The hash is the scrypt one sign-in checks.
extension StaffAccount: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, role, jurisdiction, passwordHash, mustChangePassword, disabled
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let area = try container.decode(String.self, forKey: .jurisdiction)
        guard let jurisdiction = try? Jurisdiction(area) else {
            throw DecodingError.dataCorruptedError(
                forKey: .jurisdiction, in: container, debugDescription: "not a region code: \(area)")
        }
        self.init(
            member: StaffMember(
                id: try container.decode(String.self, forKey: .id),
                name: try container.decode(String.self, forKey: .name),
                role: try container.decode(Role.self, forKey: .role),
                jurisdiction: jurisdiction),
            password: PasswordHash(encoded: try container.decode(String.self, forKey: .passwordHash)),
            mustChangePassword: try container.decode(Bool.self, forKey: .mustChangePassword),
            isDisabled: try container.decode(Bool.self, forKey: .disabled))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(member.id, forKey: .id)
        try container.encode(member.name, forKey: .name)
        try container.encode(member.role, forKey: .role)
        try container.encode(member.jurisdiction.regionPrefix, forKey: .jurisdiction)
        try container.encode(password.encoded, forKey: .passwordHash)
        try container.encode(mustChangePassword, forKey: .mustChangePassword)
        try container.encode(isDisabled, forKey: .disabled)
    }
}

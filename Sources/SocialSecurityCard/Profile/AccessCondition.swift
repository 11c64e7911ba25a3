/// What must happen on the card before a file may be read or written.
public enum AccessCondition: Codable, Hashable, Sendable {
    /// No condition (自由读).
    case free
    /// The cardholder's PIN verified in this session.
    case pin
    /// An external authentication with the named key in this session.
    case externalAuthentication(KeyName)
    /// The PIN, or an external authentication with the named key (application DFs' read access).
    case pinOrKey(KeyName)
    /// A command with secure messaging: a MAC under the named key (the update keys).
    case secureMessaging(KeyName)
    /// Never, whatever the terminal proves.
    case never
}

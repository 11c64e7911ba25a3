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

extension AccessCondition {
    /// A profile file writes a condition as one string: `free`, `pin`, `never`, or a kind and a key
    /// name, as in `external-authentication RK-SSSE`, `pin-or-key RK-DF01`, `secure-messaging UK-SSSE`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch (words.first, words.count) {
        case ("free", 1): self = .free
        case ("pin", 1): self = .pin
        case ("never", 1): self = .never
        case ("external-authentication", 2): self = .externalAuthentication(KeyName(rawValue: words[1]))
        case ("pin-or-key", 2): self = .pinOrKey(KeyName(rawValue: words[1]))
        case ("secure-messaging", 2): self = .secureMessaging(KeyName(rawValue: words[1]))
        default:
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\"\(text)\" is not an access condition (free, pin, never, "
                    + "external-authentication KEY, pin-or-key KEY or secure-messaging KEY)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .free: try container.encode("free")
        case .pin: try container.encode("pin")
        case .never: try container.encode("never")
        case .externalAuthentication(let key): try container.encode("external-authentication \(key)")
        case .pinOrKey(let key): try container.encode("pin-or-key \(key)")
        case .secureMessaging(let key): try container.encode("secure-messaging \(key)")
        }
    }

    /// The key the condition names, if any.
    public var key: KeyName? {
        switch self {
        case .free, .pin, .never: nil
        case .externalAuthentication(let key), .pinOrKey(let key), .secureMessaging(let key): key
        }
    }
}

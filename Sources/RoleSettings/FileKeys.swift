import Synchronization

/// Every key of a configuration file and its raw value, noted as swift-configuration's JSON
/// snapshot parses the file and asks which values are secret (its dynamic ``SecretsSpecifier``):
/// a reader only answers for keys it is asked about, and the check must also find the keys nobody
/// asks about (a misspelt one, a secret written out).
final class FileKeys: Sendable {
    private let noted = Mutex<[String: any Sendable]>([:])

    /// Notes `key` and `value`, and answers whether its value is to be treated as a secret.
    func note(key: String, value: any Sendable) -> Bool {
        noted.withLock { $0[key] = value }
        return SecretReference.looksSecret(key)
    }

    /// The keys noted, with their raw values.
    var all: [String: any Sendable] { noted.withLock { $0 } }
}

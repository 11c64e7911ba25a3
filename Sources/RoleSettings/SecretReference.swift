/// The rule that keeps secrets out of configuration: a setting that holds a secret names the file
/// that holds it (mode 0600), so that the configuration file itself can be read, copied and shown
/// without giving a secret away.
enum SecretReference {
    /// Words in a key that say its value is a secret or the file of one.
    private static let secretWords = ["password", "passwd", "passphrase", "token", "secret", "key", "pin"]

    /// Whether a key's name says it holds a secret: `centreKey`, `token`, `adminPassword`.
    static func looksSecret(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return secretWords.contains { lowered.contains($0) }
    }

    /// Whether `value` reads as the path of a file (`/etc/sskiosk/ledger.key`, `./token`) rather
    /// than a secret itself (hex digits, a PEM block, a password).
    static func isFileReference(_ value: SettingValue) -> Bool {
        guard case .text(let text) = value else { return false }
        return text.contains("/") && !text.hasPrefix("-----") && !text.contains(where: \.isWhitespace)
    }

    /// The problem of a secret-looking `key` whose `value` is no file reference, naming neither value nor
    /// any part of it.
    static func refusal(key: String, source: String) -> SettingsProblem {
        SettingsProblem(
            .secretValue,
            "`\(key)` in \(source) looks like a secret written out, not the path of the file that holds it. "
                + "Secrets are never kept in the configuration: put it in a file readable by its owner alone "
                + "(chmod 600) and give that file's path, e.g. /etc/sskiosk/\(key).")
    }
}

/// Which configuration files a support bundle may carry. An allow-list, because a configuration
/// directory also holds what must never leave the terminal (its TLS key, its centre token, card key
/// sets): only configuration formats go in, never a file whose name says it holds a secret, and
/// even those that go in pass through the ``Redactor``.
enum ConfigurationAllowList {
    static let formats: Set<String> = ["conf", "cfg", "ini", "json", "yaml", "yml", "toml", "rules", "service"]
    static let secretWords = ["key", "token", "secret", "password", "passwd", "credential", "private", "id_rsa"]

    /// Why `path` stays out of the bundle, or nil when it may go in.
    static func reasonToLeaveOut(_ path: String) -> String? {
        let name = String(path.split(separator: "/").last ?? "").lowercased()
        if secretWords.contains(where: name.contains) { return "its name says it holds a secret (never bundled)" }
        let format = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!) : ""
        guard formats.contains(format) else { return "not a configuration file (.\(format.isEmpty ? "?" : format))" }
        return nil
    }
}

import Foundation

/// An http(s) URL taken apart (the centre's, the terminal service's): scheme, host and port for a
/// connection of our own.
struct ServerAddress: Sendable, CustomStringConvertible {
    var url: String
    var host: String
    var port: Int
    var isTLS: Bool

    init?(_ url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty
        else { return nil }
        self.url = url
        self.host = host
        isTLS = scheme == "https"
        port = components.port ?? (isTLS ? 443 : 80)
    }

    var description: String { "\(host):\(port)" }

    /// What to report for a URL that is not an http(s) URL with a host.
    static func malformed(_ url: String) -> CheckResult {
        .fail(
            "the centre's address \(url) is not an http(s) URL with a host",
            fix: "Give the centre's address as https://HOST[:PORT] (--centre, or the terminal's configuration)")
    }
}

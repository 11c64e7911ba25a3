import AsyncHTTPClient
import Foundation
import NIOCore

/// Is the terminal service up? Asks its `/api/health` for its version and uptime.
struct TerminalServiceCheck: Check {
    var baseURL: String
    let name = "terminal-service"
    let category = CheckCategory.service

    private static let start =
        "Start the terminal service: systemctl start sskiosk-terminal (by hand: sskiosk serve --database FILE)"

    struct Health: Decodable {
        var status: String
        var version: String?
        var uptimeSeconds: Double?
    }

    func run() async -> CheckResult {
        let url = baseURL.hasSuffix("/") ? baseURL + "api/health" : baseURL + "/api/health"
        var details: [String: DetailValue] = ["url": "\(url)"]
        // A refused connection at once, rather than after the HTTP client's retries until its deadline.
        if let address = ServerAddress(baseURL) {
            let probe = await TLSProbe(address: address, verify: false).run()
            if !probe.connected {
                return .fail(
                    "the terminal service does not answer at \(url): \(probe.failure.map(NetworkFailure.describe) ?? "no answer")",
                    fix: Self.start, details: details)
            }
        }
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(3))
            body = try await response.body.collect(upTo: 64 * 1024)
        } catch {
            return .fail(
                "the terminal service does not answer at \(url): \(NetworkFailure.describe(error))", fix: Self.start,
                details: details)
        }
        details["httpStatus"] = .integer(Int(response.status.code))
        guard response.status == .ok,
            let health = try? JSONDecoder().decode(Health.self, from: Data(body.readableBytesView))
        else {
            return .fail(
                "the terminal service at \(url) answered \(response.status.code) without its health report",
                fix:
                    "Restart the terminal service: systemctl restart sskiosk-terminal; if it persists, send a support bundle",
                details: details)
        }
        if let version = health.version { details["version"] = "\(version)" }
        if let uptime = health.uptimeSeconds { details["uptimeSeconds"] = .number(uptime) }
        let version = health.version.map { "version \($0)" } ?? "version not reported"
        let uptime = health.uptimeSeconds.map { "up \(Self.span(seconds: $0))" } ?? "uptime not reported"
        guard health.status == "ok" else {
            return .warn(
                "the terminal service answers (\(version), \(uptime)) but says \(health.status)",
                fix: "Restart the terminal service: systemctl restart sskiosk-terminal", details: details)
        }
        return .pass("the terminal service answers at \(baseURL): \(version), \(uptime)", details: details)
    }

    /// `3 d 4 h`, `2 h 5 min`, `40 s`: uptime at a glance.
    static func span(seconds: Double) -> String {
        let total = Int(seconds)
        let (days, hours, minutes) = (total / 86_400, total % 86_400 / 3600, total % 3600 / 60)
        if days > 0 { return "\(days) d \(hours) h" }
        if hours > 0 { return "\(hours) h \(minutes) min" }
        if minutes > 0 { return "\(minutes) min \(total % 60) s" }
        return "\(total) s"
    }
}

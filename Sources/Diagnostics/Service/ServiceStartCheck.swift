import Foundation
import Supervision

/// How the terminal service's last start went, from the record it keeps beside its database: a
/// start that failed, and whether an upgrade came just before it, is the first thing a technician
/// needs after `apt upgrade` left a terminal dark.
struct ServiceStartCheck: Check {
    var record: StartRecordFile
    var now: @Sendable () -> Date = Date.init
    let name = "service-start"
    let category = CheckCategory.service

    /// A start not ready after this long has stopped without a word, rather than still starting.
    static let startingLimit: TimeInterval = 5 * 60

    func run() async -> CheckResult {
        guard let start = record.read() else {
            return .pass("no start of the terminal service is recorded yet", details: ["path": "\(record.path)"])
        }
        return judge(start)
    }

    /// The verdict on what the record says.
    func judge(_ start: StartRecord) -> CheckResult {
        var details: [String: DetailValue] = [
            "path": "\(record.path)", "version": "\(start.version)", "outcome": "\(start.outcome.rawValue)",
            "at": "\(start.at.formatted(.iso8601))",
        ]
        if let previous = start.lastReadyVersion { details["lastReadyVersion"] = "\(previous)" }
        let age = TerminalServiceCheck.span(seconds: max(0, now().timeIntervalSince(start.at)))
        let upgrade = start.upgradedFrom.map { " after the upgrade from \($0) to \(start.version)" } ?? ""
        switch start.outcome {
        case .ready:
            return .pass("version \(start.version) started\(upgrade) \(age) ago", details: details)
        case .failed:
            details["failure"] = "\(start.failure ?? "")"
            let fix =
                start.upgradedFrom.map { previous in
                    "The data is kept. Read `journalctl -u sskiosk-terminal`, send `sskiosk diag bundle` to support, and if the new version is at fault put back the one that worked: apt install sskiosk=\(previous)"
                }
                ?? "Read `journalctl -u sskiosk-terminal` and fix what it names, then systemctl restart sskiosk-terminal"
            return .fail(
                "the terminal service failed to start\(upgrade) \(age) ago: \(start.failure ?? "no reason recorded")",
                fix: fix, details: details)
        case .starting:
            guard now().timeIntervalSince(start.at) > Self.startingLimit else {
                return .pass("version \(start.version) is starting\(upgrade) (began \(age) ago)", details: details)
            }
            return .warn(
                "the last start of the terminal service (version \(start.version)\(upgrade), \(age) ago) never became ready: it was killed or crashed",
                fix: "Look at `systemctl status sskiosk-terminal` and `journalctl -u sskiosk-terminal`",
                details: details)
        }
    }
}

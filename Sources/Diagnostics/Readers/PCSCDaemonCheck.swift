import Foundation
import SmartCard

/// Is pcscd running and does it answer? Looks at its socket first, so "not running" and
/// "running but dead or hung" get different fixes.
struct PCSCDaemonCheck: Check {
    let name = "pcscd"
    let category = CheckCategory.readers
    /// The socket pcsc-lite clients connect to.
    var socketPath = "/run/pcscd/pcscd.comm"
    /// The pid file pcscd writes while it runs.
    var pidPath = "/run/pcscd/pcscd.pid"

    private static let restart =
        "Restart the smart-card service: systemctl restart pcscd (on the virtual rig: hardware/rig/rig up)"

    func run() async -> CheckResult {
        var details: [String: DetailValue] = ["socket": "\(socketPath)"]
        let pid = runningPID()
        if let pid { details["pid"] = .integer(pid) }
        guard Self.isSocket(socketPath) else {
            return .fail(
                "pcscd is not running: its socket \(socketPath) does not exist",
                fix: "Start the smart-card service: systemctl start pcscd (on the virtual rig: hardware/rig/rig up)",
                details: details)
        }
        do {
            _ = try await BlockingWork.run { () throws(SmartCardError) in try PCSCContext() }
        } catch  where error == .serviceNotRunning {
            return .fail(
                "pcscd's socket \(socketPath) is there but nothing answers on it: pcscd died and left it behind",
                fix: Self.restart, details: details)
        } catch {
            return .fail("pcscd refused a connection: \(error.message)", fix: Self.restart, details: details)
        }
        return .pass("pcscd answers on \(socketPath)\(pid.map { " (pid \($0))" } ?? "")", details: details)
    }

    func timedOut(after limit: Duration) -> CheckResult {
        .fail(
            "pcscd accepted the connection but did not answer within \(limit.formattedSeconds): it is hung",
            fix: Self.restart, details: ["socket": "\(socketPath)"])
    }

    /// pcscd's pid, when its pid file names a live pcscd process.
    private func runningPID() -> Int? {
        guard let text = try? String(contentsOfFile: pidPath, encoding: .utf8),
            let pid = Int(text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\0")))),
            let command = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8),
            command.trimmingCharacters(in: .whitespacesAndNewlines) == "pcscd"
        else { return nil }
        return pid
    }

    private static func isSocket(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK
    }
}

import Foundation
import TestSupport

/// `hardware/line/rural-line`: this host as the village, a network namespace as the centre, and a
/// relay between them that makes the line slow, far, lossy and, on demand, dead.
struct RuralLine {
    /// The centre's end of the line; this host's is 10.77.0.2.
    static let centreAddress = "10.77.0.1"

    /// The namespace, and the prefix of the line's devices (short: a device name has 15 characters).
    let name: String

    /// Whether this machine can make one: root, `ip`, and a TUN device.
    static var available: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/ip")
            && FileManager.default.fileExists(atPath: "/dev/net/tun")
    }

    /// Brings the line up with `options` (`--rate`, `--rtt`, `--loss`, `--flap-down`, `--flap-every`).
    static func up(_ name: String, _ options: [String]) async throws -> RuralLine {
        _ = try await CommandRun.standardOutput(of: [script, "--name", name, "up"] + options)
        return RuralLine(name: name)
    }

    /// Takes the line down now for `seconds`.
    func cut(_ seconds: Int) async throws {
        _ = try await CommandRun.standardOutput(of: [Self.script, "--name", name, "cut", String(seconds)])
    }

    /// The relay's counts, as `rural-line status` gives them.
    func status() async throws -> [String: Any] {
        let text = try await CommandRun.standardOutput(of: [Self.script, "--name", name, "status"])
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    func down() async {
        _ = try? await CommandRun.standardOutput(of: [Self.script, "--name", name, "down"])
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("hardware/line/rural-line").path
}

import Foundation
import Glibc
import TestSupport
import Testing

/// `sskiosk serve` as systemd runs it with `Type=notify` and `WatchdogSec=`: the test stands in for
/// systemd, listening on the datagram socket named by NOTIFY_SOCKET.
@Suite("The terminal service tells systemd it is ready, alive and stopping")
struct SystemdNotifyTests {
    @Test func readyOnceItAnswersThenAHeartbeatThenStopping() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let socket = try NotifySocket(path: directory.appendingPathComponent("notify").path)
        defer { socket.close() }
        let port = try LocalPort.free()
        let process = try await BackgroundProcess.start(
            [
                BuildFolder.executable("sskiosk"), "serve", "--config", RigConfiguration.terminal, "--demo",
                "--no-resident-reader", "--no-speech",
                "--database", directory.appendingPathComponent("terminal.sqlite").path, "--port", String(port),
                "--ledger-key", directory.appendingPathComponent("ledger.key").path,
            ],
            // A watchdog of 600 ms: a heartbeat every 300 ms.
            environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "600000"], output: .file("/dev/null"))
        try await withCleanup {
            #expect(try socket.receive(within: .seconds(120)) == "READY=1")
            #expect(LocalPort.accepts(port), "ready only once it listens")
            var beats = 0
            while beats < 3, let message = try socket.receive(within: .seconds(5)) {
                #expect(message == "WATCHDOG=1")
                beats += 1
            }
            #expect(beats == 3)
            try await process.stop(SIGTERM)
            var last: String?
            while let message = try socket.receive(within: .seconds(10)) {
                last = message
                if message == "STOPPING=1" { break }
            }
            #expect(last == "STOPPING=1")
        } cleanup: {
            if process.isRunning { try await process.kill() }
        }
    }
}

/// A datagram socket bound at `path`, as systemd's notification socket is.
struct NotifySocket {
    let path: String
    private let descriptor: Int32

    init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError.current("socket") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw SocketError.current("bind") }
    }

    /// The next message, or nil when none came within `timeout`.
    func receive(within timeout: Duration) throws -> String? {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(
            timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&request, 1, milliseconds) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        guard count >= 0 else { throw SocketError.current("recv") }
        return String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    func close() { _ = Glibc.close(descriptor) }
}

struct SocketError: Error, CustomStringConvertible {
    let description: String

    static func current(_ call: String) -> SocketError {
        SocketError(description: "\(call): \(String(cString: strerror(errno)))")
    }
}

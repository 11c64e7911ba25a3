import Foundation
import TestSupport
import Testing

/// `sskiosk serve` running in the background on the rig, with its own database and journal, and a
/// client that talks to it with curl (HTTP calls, and the event stream kept in a file).
final class TerminalServerProcess {
    let port: Int
    let directory: URL
    private let server: BackgroundProcess
    private var streams: [BackgroundProcess] = []

    static let clerkPassword = "demo-password"

    /// Starts the service with demo data; returns once it answers.
    init(port: Int) async throws {
        self.port = port
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("terminal-rig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // As `make run` starts it: the rig's readers and queues from its configuration file alone, the
        // PSAM's reader a flag; this test's own places and port from the environment.
        server = try await BackgroundProcess.start(
            [Rig.sskiosk, "serve", "--config", RigConfiguration.terminal, "--demo", "--psam-reader", Rig.reader1],
            environment: [
                "SSKIOSK_DATABASE": directory.appendingPathComponent("terminal.sqlite").path,
                "SSKIOSK_PORT": String(port), "SSKIOSK_JOURNAL": directory.appendingPathComponent("journal").path,
                "SSKIOSK_LEDGER_KEY": directory.appendingPathComponent("ledger.key").path,
            ], output: .file(directory.appendingPathComponent("server.log").path))
        try await eventually(timeout: .seconds(60), "the terminal service to answer") {
            (try? await self.call("GET", "/api/health"))?.status == 200
        }
    }

    /// Stops the service and the event streams: SIGTERM, and SIGKILL for what has not ended 10 s later.
    func stop() async {
        for child in streams + [server] {
            if (try? await child.stop(SIGTERM, killAfter: .seconds(10))) == .signalled(SIGKILL) {
                Issue.record("pid \(child.processIdentifier) did not stop within 10 s of SIGTERM; killed")
            }
        }
    }

    struct Reply {
        var status: Int
        var text: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
    }

    /// One HTTP call; the status code comes last in curl's output.
    func call(_ method: String, _ path: String, token: String? = nil, json: String? = nil) async throws -> Reply {
        var argv = ["/usr/bin/curl", "-s", "-X", method, "-w", "\n%{http_code}", "http://127.0.0.1:\(port)\(path)"]
        if let token { argv += ["-H", "Authorization: Bearer \(token)"] }
        if let json { argv += ["-H", "Content-Type: application/json", "--data-binary", json] }
        let output = try await CommandRun.run(argv).standardOutput
        guard let newline = output.lastIndex(of: "\n"), let status = Int(output[output.index(after: newline)...])
        else { throw RigFailure(description: "curl gave no status for \(method) \(path): \(output)") }
        return Reply(status: status, text: String(output[..<newline]))
    }

    func login(_ id: String) async throws -> String {
        let reply = try await call(
            "POST", "/api/staff/login", json: #"{"id":"\#(id)","password":"\#(Self.clerkPassword)"}"#)
        guard let token = reply.json["token"] as? String else { throw RigFailure(description: "login: \(reply.text)") }
        return token
    }

    /// The event stream, written to a file as it comes.
    func openEvents() async throws -> URL {
        let file = directory.appendingPathComponent("events-\(streams.count).txt")
        streams.append(
            try await BackgroundProcess.start(
                ["/usr/bin/curl", "-sN", "http://127.0.0.1:\(port)/api/events"], output: .file(file.path)))
        return file
    }

    /// Waits until the stream in `file` has shown an event of `type` (with `containing` in it).
    func waitForEvent(_ type: String, containing: String = "", in file: URL) async throws {
        try await eventually(timeout: .seconds(30), "event \(type) \(containing)") {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").contains {
                $0.contains(#""type":"\#(type)""#) && (containing.isEmpty || $0.contains(containing))
            }
        }
    }

    /// Polls a print job until it has finished; returns its last state.
    func waitForPrint(_ key: String, token: String) async throws -> String {
        var state = ""
        try await eventually(timeout: .seconds(90), "print job \(key) to finish") {
            state = (try await self.call("GET", "/api/print/\(key)", token: token).json["state"] as? String) ?? ""
            return state == "completed" || state == "failed"
        }
        return state
    }
}

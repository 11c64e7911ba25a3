import Foundation
import Testing

/// `sskiosk serve` running in the background on the rig, with its own database and journal, and a
/// client that talks to it with curl (HTTP calls, and the event stream kept in a file).
final class TerminalServerProcess {
    let port: Int
    let directory: URL
    private let pid: pid_t
    private var streams: [pid_t] = []

    static let clerkPassword = "demo-password"

    /// Starts the service with demo data; returns once it answers.
    init(port: Int) async throws {
        self.port = port
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("terminal-rig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        pid = try Self.spawn(
            [
                Rig.sskiosk, "serve", "--database", directory.appendingPathComponent("terminal.sqlite").path,
                "--demo", "--port", String(port), "--psam-reader", Rig.reader1, "--resident-reader", Rig.reader0,
                "--desk-reader", Rig.reader0, "--journal", directory.appendingPathComponent("journal").path,
            ], output: directory.appendingPathComponent("server.log").path)
        try await eventually(timeout: .seconds(60), "the terminal service to answer") {
            (try? self.call("GET", "/api/health").status) == 200
        }
    }

    /// Stops the service and the event streams: SIGTERM, and SIGKILL for what has not ended 10 s later.
    func stop() {
        for child in streams + [pid] {
            kill(child, SIGTERM)
            var status: Int32 = 0
            var waited = 0
            while waitpid(child, &status, WNOHANG) == 0 {
                if waited == 200 {
                    Issue.record("pid \(child) did not stop within 10 s of SIGTERM; killed")
                    kill(child, SIGKILL)
                }
                usleep(50_000)
                waited += 1
            }
        }
    }

    struct Reply {
        var status: Int
        var text: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
    }

    /// One HTTP call; the status code comes last in curl's output.
    func call(_ method: String, _ path: String, token: String? = nil, json: String? = nil) throws -> Reply {
        var argv = ["/usr/bin/curl", "-s", "-X", method, "-w", "\n%{http_code}", "http://127.0.0.1:\(port)\(path)"]
        if let token { argv += ["-H", "Authorization: Bearer \(token)"] }
        if let json { argv += ["-H", "Content-Type: application/json", "--data-binary", json] }
        let output = try Subprocess.run(argv).standardOutput
        guard let newline = output.lastIndex(of: "\n"), let status = Int(output[output.index(after: newline)...])
        else { throw RigFailure(description: "curl gave no status for \(method) \(path): \(output)") }
        return Reply(status: status, text: String(output[..<newline]))
    }

    func login(_ id: String) throws -> String {
        let reply = try call("POST", "/api/staff/login", json: #"{"id":"\#(id)","password":"\#(Self.clerkPassword)"}"#)
        guard let token = reply.json["token"] as? String else { throw RigFailure(description: "login: \(reply.text)") }
        return token
    }

    /// The event stream, written to a file as it comes.
    func openEvents() throws -> URL {
        let file = directory.appendingPathComponent("events-\(streams.count).txt")
        streams.append(
            try Self.spawn(["/usr/bin/curl", "-sN", "http://127.0.0.1:\(port)/api/events"], output: file.path))
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
            state = (try self.call("GET", "/api/print/\(key)", token: token).json["state"] as? String) ?? ""
            return state == "completed" || state == "failed"
        }
        return state
    }

    private static func spawn(_ argv: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        var allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, environ) == 0 else {
            throw RigFailure(description: "could not start \(argv[0])")
        }
        return pid
    }
}

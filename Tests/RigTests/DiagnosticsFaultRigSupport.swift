import Foundation
import GRDB
import TestSupport
import Testing

/// `sskiosk serve --demo` on a free port over a fresh cache, for the length of a test.
struct TerminalService {
    var url: String
    var database: String
    var arguments: [String] { ["--service", url, "--database", database] }

    /// The demo residents' and staff's names in its cache, which no diagnostics output may show.
    func names() throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: database, configuration: configuration).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM person UNION SELECT name FROM staff")
        }
    }

    static func with(_ body: (TerminalService) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("terminal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = try LocalPort.free()
        let service = TerminalService(
            url: "http://127.0.0.1:\(port)", database: directory.appendingPathComponent("terminal.sqlite").path)
        try await BackgroundProcess.with(
            [
                Rig.sskiosk, "serve", "--config", RigConfiguration.terminal, "--demo", "--database", service.database,
                "--port", "\(port)", "--ledger-key", directory.appendingPathComponent("ledger.key").path,
            ]
        ) { _ in
            try await eventually(timeout: .seconds(20), "the terminal service to answer on \(service.url)") {
                (try? await CommandRun.run(["/usr/bin/curl", "-fsS", "\(service.url)/api/health"]))?.status == 0
            }
            try await body(service)
        }
    }
}

/// A CA made by the test with openssl, and a certificate it signed for localhost and 127.0.0.1.
struct TestCA {
    var directory: URL
    var caFile: String { directory.appendingPathComponent("ca.pem").path }
    var certificate: String { directory.appendingPathComponent("server.pem").path }
    var key: String { directory.appendingPathComponent("server.key").path }

    static func make() async throws -> TestCA {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("test-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let ca = TestCA(directory: directory)
        let path = { (name: String) in directory.appendingPathComponent(name).path }
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\n".write(
            toFile: path("san.cnf"), atomically: true, encoding: .utf8)
        for argv in [
            ["req", "-x509"] + ec + [
                "-keyout", path("ca.key"), "-out", ca.caFile, "-days", "365", "-subj", "/CN=sskiosk test CA",
            ],
            ["req"] + ec + ["-keyout", ca.key, "-out", path("server.csr"), "-subj", "/CN=localhost"],
            [
                "x509", "-req", "-in", path("server.csr"), "-CA", ca.caFile, "-CAkey", path("ca.key"),
                "-CAcreateserial",
                "-out", ca.certificate, "-days", "365", "-extfile", path("san.cnf"),
            ],
        ] {
            let result = try await CommandRun.run(["/usr/bin/openssl"] + argv)
            guard result.status == 0 else {
                throw RigFailure(description: "openssl \(argv[0]): \(result.standardError)")
            }
        }
        return ca
    }
}

/// The centre as far as diagnostics see it: an HTTPS server (Python's http.server in ssl) with a
/// certificate from a test CA, whose Date header runs `dateOffset` seconds ahead of this clock.
struct TestCentre {
    var url: String
    var ca: TestCA
    var arguments: [String] { ["--centre", url, "--centre-ca", ca.caFile] }

    static let script = """
        import email.utils, http.server, ssl, sys, time
        certificate, key, offset = sys.argv[1], sys.argv[2], float(sys.argv[3])
        class Centre(http.server.BaseHTTPRequestHandler):
            def date_time_string(self, timestamp=None):
                return email.utils.formatdate(time.time() + offset, usegmt=True)
            def do_HEAD(self):
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")
            def log_message(self, *arguments):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Centre)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificate, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    static func with(dateOffset: Int, _ body: (TestCentre) async throws -> Void) async throws {
        let ca = try await TestCA.make()
        defer { try? FileManager.default.removeItem(at: ca.directory) }
        try await BackgroundProcess.with(
            ["/usr/bin/python3", "-c", script, ca.certificate, ca.key, "\(dateOffset)"]
        ) { process in
            try await eventually(timeout: .seconds(30), "the test centre to say its port") {
                process.standardOutput.contains("\n") || !process.isRunning
            }
            let line = process.standardOutput.split(separator: "\n").first.map(String.init) ?? ""
            guard let port = Int(line.trimmingCharacters(in: .whitespaces)) else {
                throw RigFailure(description: "the test centre did not say its port: \(line)\(process.standardError)")
            }
            try await body(TestCentre(url: "https://localhost:\(port)", ca: ca))
        }
    }
}

/// Damages a copy of a database as a failing disk would: whole pages overwritten with garbage.
enum CorruptCopy {
    static func overwrite(_ path: String, fromPage first: Int, pages: Int = 4, pageSize: Int = 4096) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(first * pageSize))
        try handle.write(contentsOf: Data((0..<(pages * pageSize)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }))
    }
}

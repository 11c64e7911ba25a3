import Foundation
import GRDB
import Testing

/// A port nothing listens on now: bound to port 0, read back, released.
enum FreePort {
    static func find() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw RigFailure(description: "no free port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A child that runs until it is killed: the terminal service or the test centre.
final class BackgroundProcess: @unchecked Sendable {
    private let process = Process()
    let output: Pipe

    init(_ argv: [String]) throws {
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// SIGKILL: a test thread's blocked signals may be inherited, SIGTERM would wait.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

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
        let port = try FreePort.find()
        let service = TerminalService(
            url: "http://127.0.0.1:\(port)", database: directory.appendingPathComponent("terminal.sqlite").path)
        let process = try BackgroundProcess(
            [Rig.sskiosk, "serve", "--demo", "--database", service.database, "--port", "\(port)"])
        defer { process.stop() }
        try await eventually(timeout: .seconds(20), "the terminal service to answer on \(service.url)") {
            (try? Subprocess.run(["/usr/bin/curl", "-fsS", "\(service.url)/api/health"]).status) == 0
        }
        try await body(service)
    }
}

/// A CA made by the test with openssl, and a certificate it signed for localhost and 127.0.0.1.
struct TestCA {
    var directory: URL
    var caFile: String { directory.appendingPathComponent("ca.pem").path }
    var certificate: String { directory.appendingPathComponent("server.pem").path }
    var key: String { directory.appendingPathComponent("server.key").path }

    static func make() throws -> TestCA {
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
            let result = try Subprocess.run(["/usr/bin/openssl"] + argv)
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
        let ca = try TestCA.make()
        defer { try? FileManager.default.removeItem(at: ca.directory) }
        let process = try BackgroundProcess(
            ["/usr/bin/python3", "-c", script, ca.certificate, ca.key, "\(dateOffset)"])
        defer { process.stop() }
        let line = String(decoding: process.output.fileHandleForReading.availableData, as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw RigFailure(description: "the test centre did not say its port: \(line)")
        }
        try await body(TestCentre(url: "https://localhost:\(port)", ca: ca))
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

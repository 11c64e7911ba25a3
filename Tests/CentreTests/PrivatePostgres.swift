import Foundation
import Glibc
import TestSupport
import Testing

/// A PostgreSQL cluster of the test's own (initdb into a temporary folder, a free port, its socket in
/// that folder) that takes connections over TLS only, with a server certificate for `localhost`
/// signed by the test CA, and one superuser, `centre`, who signs in with a password. Debian's shared
/// cluster is left as it is. The server runs as the `postgres` user, which PostgreSQL needs.
struct PrivatePostgres {
    static let user = "centre"
    static let password = "tls-test-password"

    /// The newest PostgreSQL's programs, if one is installed.
    static let programs: String? = {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.compactMap(Int.init).max().map { "/usr/lib/postgresql/\($0)/bin" }
    }()

    /// Whether a cluster can be made here: PostgreSQL installed, and root to run it as `postgres`.
    static let available = programs != nil && geteuid() == 0

    let directory: URL
    let port: Int
    /// The test CA (`ca.pem`), another CA (`other-ca.pem`) and the server's certificate (`database`).
    let certificates: TestCertificates

    func file(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Starts a cluster, runs `body` with it, and stops and removes it, also when `body` throws.
    static func withServer(_ body: (PrivatePostgres) async throws -> Void) async throws {
        let programs = try #require(programs, "PostgreSQL is not installed (hardware/rig/install-deps)")
        let certificates = try await TestCertificates()
        try await certificates.issue(
            "database", by: "ca", subject: "/CN=localhost", extensions: "subjectAltName=DNS:localhost")
        let server = PrivatePostgres(
            directory: FileManager.default.temporaryDirectory.appendingPathComponent("postgres-tls-\(UUID())"),
            port: try LocalPort.free(), certificates: certificates)
        defer {
            certificates.remove()
            try? FileManager.default.removeItem(at: server.directory)
        }
        try await server.start(programs)
        do {
            try await body(server)
        } catch {
            try? await server.stop(programs)
            throw error
        }
        try await server.stop(programs)
    }

    private func start(_ programs: String) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(Self.password.utf8).write(to: URL(fileURLWithPath: file("password")))
        try FileManager.default.copyItem(atPath: certificates.path("database.pem"), toPath: file("server.pem"))
        try FileManager.default.copyItem(atPath: certificates.path("database.key"), toPath: file("server.key"))
        _ = try await CommandRun.standardOutput(of: ["/usr/bin/chown", "-R", "postgres:postgres", directory.path])
        try await asPostgres(
            "\(programs)/initdb", "--pgdata", file("data"), "--username", Self.user, "--pwfile", file("password"),
            "--auth", "scram-sha-256", "--encoding", "UTF8", "--no-sync")
        let settings = """

            port = \(port)
            listen_addresses = 'localhost'
            unix_socket_directories = '\(directory.path)'
            ssl = on
            ssl_cert_file = '\(file("server.pem"))'
            ssl_key_file = '\(file("server.key"))'
            fsync = off

            """
        let configuration = try FileHandle(forWritingTo: URL(fileURLWithPath: file("data/postgresql.conf")))
        try configuration.seekToEnd()
        try configuration.write(contentsOf: Data(settings.utf8))
        try configuration.close()
        // TLS or nothing: a connection that did not negotiate TLS finds no line and is refused.
        try Data("hostssl all all 127.0.0.1/32 scram-sha-256\nhostssl all all ::1/128 scram-sha-256\n".utf8)
            .write(to: URL(fileURLWithPath: file("data/pg_hba.conf")))
        try await asPostgres(
            "\(programs)/pg_ctl", "--pgdata", file("data"), "--log", file("server.log"), "--wait", "start")
    }

    private func stop(_ programs: String) async throws {
        try await asPostgres("\(programs)/pg_ctl", "--pgdata", file("data"), "--mode", "immediate", "--wait", "stop")
    }

    private func asPostgres(_ argv: String...) async throws {
        _ = try await CommandRun.standardOutput(of: ["/usr/sbin/runuser", "-u", "postgres", "--"] + argv, in: "/")
    }
}

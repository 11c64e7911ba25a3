import Foundation
import NIOSSL
import TestSupport
import Testing

@testable import Centre

@Suite("PostgreSQL URLs as libpq spells them, and libpq's password file")
struct PostgresURLTests {
    static let noFiles = ["HOME": "/nonexistent"]

    @Test("sslmode picks the TLS mode and what is checked; prefer by default; the socket takes no TLS")
    func sslModes() throws {
        let ca = "/etc/ssl/certs/ca-certificates.crt"
        let prefer = try PostgresURL("postgres://centre@db.example/centre", environment: Self.noFiles)
        #expect(prefer.sslMode == .prefer && prefer.tls?.certificateVerification == CertificateVerification.none)
        #expect(prefer.endpoint == .tcp(host: "db.example", port: 5432))
        let require = try PostgresURL(
            "postgres://centre@db.example:6543/centre?sslmode=require", environment: Self.noFiles)
        #expect(require.tls?.certificateVerification == CertificateVerification.none)
        #expect(require.endpoint == .tcp(host: "db.example", port: 6543))
        let requireWithCA = try PostgresURL(
            "postgres://centre@db.example/centre?sslmode=require&sslrootcert=\(ca)", environment: Self.noFiles)
        #expect(requireWithCA.tls?.certificateVerification == .noHostnameVerification)
        let full = try PostgresURL(
            "postgres://centre@db.example/centre?sslmode=verify-full&sslrootcert=system", environment: Self.noFiles)
        #expect(full.tls?.certificateVerification == .fullVerification)
        let off = try PostgresURL("postgres://centre@db.example/centre?sslmode=disable", environment: Self.noFiles)
        #expect(off.tls == nil)
        let socket = try PostgresURL("postgres://root@/centre", environment: Self.noFiles)
        #expect(socket.endpoint == .socket(PostgresURL.localSocket) && socket.tls == nil && socket.password == nil)
    }

    @Test(
        "URLs that cannot be used as they stand are refused, saying why",
        arguments: [
            "postgres://centre@db.example/centre?sslmode=verify-full",
            "postgres://centre@db.example/centre?sslmode=verify-ca",
            "postgres://centre@db.example/centre?sslmode=strict",
            "postgres://centre@db.example/centre?sslmode=require&sslmode=disable",
            "postgres://centre@db.example/centre?sslkey=x",
            "postgres://centre@/centre?sslmode=require",
            "postgres://centre@db.example/centre?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem",
        ])
    func unusable(url: String) {
        let error = #expect(throws: CentreError.self) { try PostgresURL(url, environment: Self.noFiles) }
        #expect(error?.code == .malformedDatabaseURL)
        #expect(error?.message.contains("cannot be used") == true, "\(error?.message ?? "")")
    }

    @Test("a password in the URL is refused without being repeated")
    func passwordInURL() {
        let error = #expect(throws: CentreError.self) {
            try PostgresURL("postgres://centre:s3cret@db.example/centre", environment: Self.noFiles)
        }
        #expect(error?.code == .passwordInDatabaseURL)
        #expect(error?.message.contains("s3cret") == false)
    }

    @Test(
        "the password file: first matching line, * for any, \\: and \\\\ escaped, comments, CRLF; the socket is localhost"
    )
    func passfile() {
        let file = Array(
            """
            # comment:line:with:five:fields
            other.example:5432:*:centre:not this
            db.example:5432:centre:*:first\\:colon\\\\slash:and more\r
            *:*:*:centre:fallback
            localhost:5432:centre:root:socket
            short:line

            """.utf8)
        func password(_ host: String, _ port: Int = 5432, _ database: String = "centre", _ user: String = "centre")
            -> String?
        {
            PostgresPassfile.password(in: file, host: host, port: port, database: database, user: user)
        }
        #expect(password("db.example") == "first:colon\\slash:and more")
        #expect(password("db.example", 6543) == "fallback")
        #expect(password("elsewhere", 1, "x") == "fallback")
        #expect(password("localhost", 5432, "centre", "root") == "socket")
        #expect(password("localhost", 5432, "centre", "nobody") == nil)
    }

    @Test("over the local socket the password file's host is localhost; passfile= wins over PGPASSFILE")
    func socketPassfile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID())")
        try PrivateFile.write(Data("localhost:5432:centre:root:over the socket\n".utf8), to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let location = try PostgresURL(
            "postgres://root@/centre?passfile=\(path.path)", environment: ["PGPASSFILE": "/nonexistent/pgpass"])
        #expect(location.password == "over the socket")
    }
}

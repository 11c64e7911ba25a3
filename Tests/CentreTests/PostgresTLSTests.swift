import Foundation
import KioskCore
import Logging
import Secrets
import TestSupport
import Testing

@testable import Centre

/// The centre's PostgreSQL over TLS, against a real server of the test's own that takes TLS
/// connections only, with a certificate for `localhost` from a test CA, and a password from a file.
/// Under CI=true a missing PostgreSQL fails these tests; elsewhere they are left out, saying why.
@Suite(
    "PostgreSQL: sslmode and the password file against a server with TLS on",
    .enabled(if: PrivatePostgres.available || StoreKind.inCI, "needs PostgreSQL and root (to run it as postgres)"))
struct PostgresTLSTests {
    static let logger = Logger(label: "centre-tls-test")

    /// The password file `PrivatePostgres` takes, with mode `mode`.
    static func passfile(_ server: PrivatePostgres, mode: Int = 0o600, password: String = PrivatePostgres.password)
        throws -> String
    {
        let path = server.file("pgpass-\(UUID())")
        try PrivateFile.write(
            Data("# the test's server\n*:\(server.port):*:centre:\(password)\n".utf8), to: URL(fileURLWithPath: path))
        #expect(chmod(path, mode_t(mode)) == 0)
        return path
    }

    /// A URL for the test server: `host`, `parameters` after `?`.
    static func url(_ server: PrivatePostgres, host: String = "localhost", _ parameters: String) -> String {
        "postgres://centre@\(host):\(server.port)/postgres?\(parameters)"
    }

    /// Opens the store at `url` as `sskiosk centre` does and asks it something.
    static func open(_ url: String) async throws {
        try await PostgresCentreStore.withStore(url: url, ledgerKey: LedgerKey.generate(), logger: logger) { store in
            let terminal = try await store.terminal(tokenHash: "none")
            #expect(terminal == nil)
        }
    }

    /// The error opening `url` throws, which must be ``CentreError/databaseUnreachable(_:reason:)``.
    static func refusal(_ url: String) async throws -> String {
        let error = await #expect(throws: CentreError.self) { try await open(url) }
        #expect(error?.code == .databaseUnreachable)
        let message = try #require(error?.message)
        #expect(!message.contains(PrivatePostgres.password), "the message shows the password")
        return message
    }

    @Test("verify-full connects to the host its certificate names, with the CA that signed it, and to nothing else")
    func verification() async throws {
        try await PrivatePostgres.withServer { server in
            let passfile = try Self.passfile(server)
            let ca = server.certificates.path("ca.pem")
            let otherCA = server.certificates.path("other-ca.pem")
            try await Self.open(Self.url(server, "sslmode=verify-full&sslrootcert=\(ca)&passfile=\(passfile)"))

            let wrongCA = try await Self.refusal(
                Self.url(server, "sslmode=verify-full&sslrootcert=\(otherCA)&passfile=\(passfile)"))
            #expect(wrongCA.contains("TLS handshake failed") && wrongCA.contains("sslrootcert"), "\(wrongCA)")

            // The certificate names localhost only: 127.0.0.1 is the same server under a name it lacks.
            let wrongName = try await Self.refusal(
                Self.url(server, host: "127.0.0.1", "sslmode=verify-full&sslrootcert=\(ca)&passfile=\(passfile)"))
            #expect(wrongName.contains("does not name the host"), "\(wrongName)")
            try await Self.open(
                Self.url(server, host: "127.0.0.1", "sslmode=verify-ca&sslrootcert=\(ca)&passfile=\(passfile)"))
            let wrongCAWithoutName = try await Self.refusal(
                Self.url(server, host: "127.0.0.1", "sslmode=verify-ca&sslrootcert=\(otherCA)&passfile=\(passfile)"))
            #expect(wrongCAWithoutName.contains("TLS handshake failed"), "\(wrongCAWithoutName)")
        }
    }

    @Test("require connects over TLS without a CA; disable is turned away by a server that takes TLS only")
    func requireAndDisable() async throws {
        try await PrivatePostgres.withServer { server in
            let passfile = try Self.passfile(server)
            try await Self.open(Self.url(server, "sslmode=require&passfile=\(passfile)"))
            try await Self.open(Self.url(server, "passfile=\(passfile)"))  // prefer, the default
            let plain = try await Self.refusal(Self.url(server, "sslmode=disable&passfile=\(passfile)"))
            #expect(plain.contains("no pg_hba.conf entry") && plain.contains("no encryption"), "\(plain)")
        }
    }

    @Test("the password comes from a private password file, by passfile= or PGPASSFILE, never from the URL")
    func passwordFile() async throws {
        try await PrivatePostgres.withServer { server in
            let ca = server.certificates.path("ca.pem")
            let passfile = try Self.passfile(server)
            let location = try PostgresURL(
                Self.url(server, "sslmode=verify-full&sslrootcert=\(ca)"), environment: ["PGPASSFILE": passfile])
            #expect(location.password == PrivatePostgres.password)
            try await location.checkConnection(logger: Self.logger)

            for mode in [0o644, 0o640] {
                let open = try Self.passfile(server, mode: mode)
                let error = #expect(throws: SecretFileError.self) {
                    try PostgresURL(Self.url(server, "sslmode=require&passfile=\(open)"))
                }
                #expect(error?.code == .tooOpen)
                #expect(error?.message.contains("chmod 600 \(open)") == true)
                #expect(error?.message.contains(PrivatePostgres.password) == false)
            }

            let wrong = try Self.passfile(server, password: "not the password")
            let refused = try await Self.refusal(Self.url(server, "sslmode=require&passfile=\(wrong)"))
            #expect(refused.contains("password authentication failed"), "\(refused)")
            let none = try await Self.refusal(Self.url(server, "sslmode=require"))
            #expect(none.contains("asks for a password"), "\(none)")

            let inURL = #expect(throws: CentreError.self) {
                try PostgresURL("postgres://centre:\(PrivatePostgres.password)@localhost:\(server.port)/postgres")
            }
            #expect(inURL?.code == .passwordInDatabaseURL)
            #expect(inURL?.message.contains(PrivatePostgres.password) == false)
        }
    }
}

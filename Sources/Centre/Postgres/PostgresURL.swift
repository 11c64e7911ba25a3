import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// Where the centre's PostgreSQL is and how to reach it safely, from a URL as libpq spells one:
/// `postgres://USER@HOST[:PORT]/DATABASE?sslmode=verify-full&sslrootcert=CA.pem&passfile=FILE`, or
/// with no host the server's local socket (`postgres://USER@/DATABASE`, peer authentication).
///
/// - `sslmode`: `disable`, `prefer` (the default, as libpq's: TLS if the server offers it, nothing
///   checked), `require` (TLS or no connection; the certificate is checked against `sslrootcert` when
///   one is given, as libpq does), `verify-ca` (a certificate from `sslrootcert`'s CA), `verify-full`
///   (that, and it names the host). A remote centre wants `verify-full`. Over the local socket TLS has
///   no meaning, and only `disable` and `prefer` are taken.
/// - `sslrootcert`: the CA's certificate (PEM), or `system` for the system's trust roots.
/// - `passfile`: the password file, in libpq's `.pgpass` format, private to its owner
///   (``PostgresPassfile``); without it `PGPASSFILE`, then `~/.pgpass` when there is one. A password
///   in the URL is refused: the URL is on a command line, which every user of the machine can read.
struct PostgresURL {
    static let localSocket = "/var/run/postgresql/.s.PGSQL.5432"

    enum Endpoint: Equatable {
        case socket(String)
        case tcp(host: String, port: Int)
    }

    enum SSLMode: String, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    let endpoint: Endpoint
    let username: String
    let database: String
    let password: String?
    let sslMode: SSLMode
    /// The TLS settings, nil with `disable`.
    let tls: TLSConfiguration?

    /// Parses `text`; `environment` gives `PGPASSFILE` and `HOME`.
    init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme),
            let user = url.user, !user.isEmpty, url.path.count > 1
        else { throw CentreError.malformedDatabaseURL }
        guard url.password == nil else { throw CentreError.passwordInDatabaseURL }
        var parameters: [String: String] = [:]
        for item in url.queryItems ?? [] {
            guard ["sslmode", "sslrootcert", "passfile"].contains(item.name), let value = item.value,
                parameters.updateValue(value, forKey: item.name) == nil
            else { throw CentreError.databaseURL("the parameter `\(item.name)` is unknown, empty or given twice") }
        }
        username = user
        database = String(url.path.dropFirst())
        if let host = url.host, !host.isEmpty {
            endpoint = .tcp(host: host, port: url.port ?? 5432)
        } else {
            endpoint = .socket(Self.localSocket)
        }
        guard let mode = SSLMode(rawValue: parameters["sslmode"] ?? "prefer") else {
            throw CentreError.databaseURL(
                "sslmode=\(parameters["sslmode"] ?? "") is not one of "
                    + SSLMode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        sslMode = mode
        tls = try Self.tls(mode, rootCertificate: parameters["sslrootcert"], endpoint: endpoint)
        password = try Self.password(
            passfile: parameters["passfile"] ?? environment["PGPASSFILE"],
            home: environment["HOME"], endpoint: endpoint, database: database, username: user)
    }

    /// What the connection pool takes.
    var clientConfiguration: PostgresClient.Configuration {
        switch endpoint {
        case .socket(let path):
            return PostgresClient.Configuration(
                unixSocketPath: path, username: username, password: password, database: database)
        case .tcp(let host, let port):
            return PostgresClient.Configuration(
                host: host, port: port, username: username, password: password, database: database,
                tls: tls.map { sslMode == .prefer ? .prefer($0) : .require($0) } ?? .disable)
        }
    }

    /// What one connection takes: the centre opens one before its pool, to stop at once with the
    /// reason (a certificate, a password) rather than after the pool has retried for a minute.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        switch endpoint {
        case .socket(let path):
            return PostgresConnection.Configuration(
                unixSocketPath: path, username: username, password: password, database: database)
        case .tcp(let host, let port):
            let context = try tls.map { try NIOSSLContext(configuration: $0) }
            return PostgresConnection.Configuration(
                host: host, port: port, username: username, password: password, database: database,
                tls: context.map { sslMode == .prefer ? .prefer($0) : .require($0) } ?? .disable)
        }
    }

    /// Opens one connection and closes it again, so that a certificate, a host name or a password
    /// that does not do stops the centre at once with what the server or the handshake said.
    func checkConnection(logger: Logger) async throws {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try connectionConfiguration(), id: 0, logger: logger)
        } catch {
            throw CentreError.databaseUnreachable(serverDescription, reason: reason(error))
        }
        try? await connection.close()
    }

    /// What went wrong, in words that point at the setting to change.
    private func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return "the server says: \(message)" }
        switch error.underlying {
        case let failure as NIOSSLExtraError where failure == .failedToValidateHostname:
            return "the server's certificate does not name the host in the URL (sslmode=verify-full checks the name)"
        case let failure as NIOSSLError:
            return "the TLS handshake failed (\(failure)): is sslrootcert the CA that signed the server's certificate?"
        case let failure?:
            return "\(failure)"
        case nil:
            if error.code == .sslUnsupported {
                return "the server does not offer TLS, which sslmode=\(sslMode.rawValue) requires"
            }
            if error.code == .authMechanismRequiresPassword {
                return "the server asks for a password, and no password file has a line for this server and user"
            }
            return "\(error.code)"
        }
    }

    /// Where the server is, for messages: `host:port`, or the socket's path.
    var serverDescription: String {
        switch endpoint {
        case .socket(let path): path
        case .tcp(let host, let port): "\(host):\(port)"
        }
    }

    private static func tls(_ mode: SSLMode, rootCertificate: String?, endpoint: Endpoint) throws
        -> TLSConfiguration?
    {
        if case .socket = endpoint {
            guard [.disable, .prefer].contains(mode), rootCertificate == nil else {
                throw CentreError.databaseURL(
                    "sslmode=\(mode.rawValue) and sslrootcert ask for TLS, which the local socket does not use: "
                        + "name the server's host to reach it over TLS")
            }
            return nil
        }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        switch (mode, rootCertificate) {
        case (.disable, _):
            return nil
        case (.verifyCA, nil), (.verifyFull, nil):
            throw CentreError.databaseURL(
                "sslmode=\(mode.rawValue) needs sslrootcert=FILE, the CA certificate (PEM) that signed the server's "
                    + "certificate, or sslrootcert=system for the system's trust roots")
        case (.prefer, _), (.require, nil):
            configuration.certificateVerification = .none
            return configuration
        case (_, "system"):
            configuration.trustRoots = .default
        case (_, let file?):
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(file))
            } catch {
                throw CentreError.databaseURL("sslrootcert=\(file) is not a readable PEM certificate (\(error))")
            }
        }
        configuration.certificateVerification = mode == .verifyFull ? .fullVerification : .noHostnameVerification
        return configuration
    }

    /// The password from the password file, if one is named or `~/.pgpass` exists and has a line
    /// for this server, database and user.
    private static func password(
        passfile: String?, home: String?, endpoint: Endpoint, database: String, username: String
    ) throws -> String? {
        let file: String
        if let passfile {
            file = passfile
        } else if let home, FileManager.default.fileExists(atPath: home + "/.pgpass") {
            file = home + "/.pgpass"
        } else {
            return nil
        }
        let (host, port) =
            switch endpoint {
            case .socket: ("localhost", 5432)
            case .tcp(let host, let port): (host, port)
            }
        return try PostgresPassfile.password(in: file, host: host, port: port, database: database, user: username)
    }
}

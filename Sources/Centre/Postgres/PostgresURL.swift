import Foundation
import PostgresNIO

/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, or with no host the server's local socket
/// (`postgres://USER@/DATABASE`, peer authentication, nothing to configure on one machine). TLS to a
/// remote server is left to the network (a VPN or a local socket); the URL says nothing about it.
enum PostgresURL {
    static let localSocket = "/var/run/postgresql/.s.PGSQL.5432"

    static func configuration(_ text: String) throws -> PostgresClient.Configuration {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme),
            let user = url.user, !user.isEmpty, url.path.count > 1
        else { throw CentreError.malformedDatabaseURL }
        let database = String(url.path.dropFirst())
        if let host = url.host, !host.isEmpty {
            return PostgresClient.Configuration(
                host: host, port: url.port ?? 5432, username: user, password: url.password, database: database,
                tls: .disable)
        }
        return PostgresClient.Configuration(
            unixSocketPath: localSocket, username: user, password: url.password, database: database)
    }
}

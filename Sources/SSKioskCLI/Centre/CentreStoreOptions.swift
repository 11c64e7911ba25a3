import ArgumentParser
import Centre
import Foundation
import Logging

/// Where the centre keeps its records: a SQLite file, or PostgreSQL when `--postgres` is given.
struct CentreStoreOptions: ParsableArguments {
    /// The centre's database when none is named; also the `database` setting's default.
    static let standardDatabase = "/var/lib/sskiosk/centre.sqlite"

    @Option(
        help:
            "The centre's SQLite database (used unless --postgres is given; default: \(CentreStoreOptions.standardDatabase))."
    )
    var database: String?

    @Option(
        help: ArgumentHelp(
            "PostgreSQL instead of SQLite: postgres://USER@HOST[:PORT]/DATABASE?sslmode=verify-full&sslrootcert=CA.pem.",
            discussion: """
                Without a host (postgres://USER@/DATABASE) the local socket and peer authentication. sslmode is \
                disable, prefer (the default), require, verify-ca or verify-full (with sslrootcert=FILE or system). \
                The password comes from a password file in .pgpass format, mode 600: passfile=FILE, PGPASSFILE or \
                ~/.pgpass; a password in the URL is refused.
                """))
    var postgres: String?

    /// Opens the store, runs `body` with it, and closes it.
    func withStore<Result: Sendable>(
        logger: Logger, _ body: @Sendable (any CentreStore) async throws -> Result
    ) async throws -> Result {
        try await Self.withStore(database: database ?? Self.standardDatabase, postgres: postgres, logger: logger, body)
    }

    /// Opens the store in `postgres` when given, else the SQLite file `database`, runs `body` with
    /// it, and closes it (the centre service's come from its settings).
    static func withStore<Result: Sendable>(
        database: String, postgres: String?, logger: Logger, _ body: @Sendable (any CentreStore) async throws -> Result
    ) async throws -> Result {
        if let postgres {
            return try await PostgresCentreStore.withStore(url: postgres, logger: logger) { try await body($0) }
        }
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: database).deletingLastPathComponent(), withIntermediateDirectories: true)
        return try await body(try SQLiteCentreStore(path: database))
    }
}

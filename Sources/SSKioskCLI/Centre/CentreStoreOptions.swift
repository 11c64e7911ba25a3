import ArgumentParser
import Centre
import Foundation
import Logging

/// Where the centre keeps its records: a SQLite file, or PostgreSQL when `--postgres` is given.
struct CentreStoreOptions: ParsableArguments {
    @Option(help: "The centre's SQLite database (used unless --postgres is given).")
    var database = "/var/lib/sskiosk/centre.sqlite"

    @Option(
        help: ArgumentHelp(
            "PostgreSQL instead of SQLite: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.",
            discussion: "Without a host (postgres://USER@/DATABASE) the local socket and peer authentication."))
    var postgres: String?

    /// Opens the store, runs `body` with it, and closes it.
    func withStore<Result: Sendable>(
        logger: Logger, _ body: @Sendable (any CentreStore) async throws -> Result
    ) async throws -> Result {
        if let postgres {
            return try await PostgresCentreStore.withStore(url: postgres, logger: logger) { try await body($0) }
        }
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: database).deletingLastPathComponent(), withIntermediateDirectories: true)
        return try await body(try SQLiteCentreStore(path: database))
    }
}

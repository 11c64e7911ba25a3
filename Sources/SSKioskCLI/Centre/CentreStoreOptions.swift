import ArgumentParser
import Centre
import Foundation
import KioskSQLite
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

    @Option(
        help:
            "The key file that seals the centre's ledger (mode 0600; default: \(CentreStoreOptions.ledgerKeyFileName) beside the SQLite database, whichever store is used); made on first use."
    )
    var ledgerKey: String?

    /// The name of the ledger key's file when none is named.
    static let ledgerKeyFileName = "centre-ledger.key"

    /// The ledger's name for whoever runs a `sskiosk centre` command.
    var operatorName: String { CentreLedgerEvent.operator(account: OperatorAccount.name) }

    /// Opens the store, runs `body` with it, and closes it.
    func withStore<Result: Sendable>(
        logger: Logger, _ body: @Sendable (any CentreStore) async throws -> Result
    ) async throws -> Result {
        let database = database ?? Self.standardDatabase
        return try await Self.withStore(
            database: database, postgres: postgres, ledgerKey: Self.ledgerKeyPath(ledgerKey, database: database),
            logger: logger, body)
    }

    /// The ledger key file `given`, or the one beside `database`.
    static func ledgerKeyPath(_ given: String?, database: String) -> String {
        given
            ?? URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent(ledgerKeyFileName)
            .path
    }

    /// Opens the store in `postgres` when given, else the SQLite file `database`, with the ledger
    /// key of the file `ledgerKey` (made if missing), runs `body` with it, and closes it (the centre
    /// service's come from its settings).
    static func withStore<Result: Sendable>(
        database: String, postgres: String?, ledgerKey: String, logger: Logger,
        _ body: @Sendable (any CentreStore) async throws -> Result
    ) async throws -> Result {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: database).deletingLastPathComponent(), withIntermediateDirectories: true)
        let key = try LedgerKeyFile.readOrCreate(ledgerKey)
        if let postgres {
            return try await PostgresCentreStore.withStore(url: postgres, ledgerKey: key, logger: logger) {
                try await body($0)
            }
        }
        return try await body(try SQLiteCentreStore(path: database, ledgerKey: key))
    }
}

import Centre
import Foundation
import KioskCore
import KioskSQLite
import Logging
import PostgresNIO
import Testing

/// The stores every store test runs against. PostgreSQL is the local server that
/// hardware/postgres/postgres-up starts; each test gets a database of its own and drops it after.
/// Under CI=true a PostgreSQL that does not answer fails the tests; elsewhere its tests are left
/// out, loudly.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
    static let socket = "/var/run/postgresql/.s.PGSQL.5432"
    static let user = ProcessInfo.processInfo.environment["USER"] ?? "root"

    /// Both stores, unless PostgreSQL is missing outside CI.
    static let testable: [StoreKind] = {
        if inCI || FileManager.default.fileExists(atPath: socket) { return allCases }
        print(
            """
            ************************************************************************
            CentreTests: no PostgreSQL at \(socket): the PostgreSQL store is NOT
            tested. Run hardware/postgres/postgres-up (CI=true makes this a failure).
            ************************************************************************
            """)
        return [.sqlite]
    }()

    /// Runs `body` with an empty store of this kind.
    func withStore<Result: Sendable>(_ body: @Sendable (any CentreStore) async throws -> Result) async throws -> Result
    {
        try await withStore { store, _ in try await body(store) }
    }

    /// Runs `body` with an empty store of this kind and the `sskiosk centre` options that open the
    /// same store in another process, with the same ledger key (a file of the test's own).
    func withStore<Result: Sendable>(
        _ body: @Sendable (any CentreStore, _ options: [String]) async throws -> Result
    ) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("centre-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyPath = directory.appendingPathComponent("centre-ledger.key").path
        let key = try LedgerKeyFile.readOrCreate(keyPath)
        switch self {
        case .sqlite:
            let path = directory.appendingPathComponent("centre.sqlite").path
            return try await body(
                try SQLiteCentreStore(path: path, ledgerKey: key), ["--database", path, "--ledger-key", keyPath])
        case .postgres:
            return try await Self.withDatabase { _, database in
                let url = "postgres://\(Self.user)@/\(database)"
                return try await PostgresCentreStore.withStore(
                    url: url, ledgerKey: key, logger: Logger(label: "centre-test")
                ) {
                    try await body($0, ["--postgres", url, "--ledger-key", keyPath])
                }
            }
        }
    }

    /// Runs `body` with a new database of its own and a client connected to it; drops it after.
    static func withDatabase<Result: Sendable>(
        _ body: @Sendable (PostgresClient, _ name: String) async throws -> Result
    ) async throws -> Result {
        let database = "sskiosk_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        try await admin("CREATE DATABASE \(database) TEMPLATE template0 ENCODING 'UTF8'")
        do {
            let result = try await withClient(database: database) { try await body($0, database) }
            try await admin("DROP DATABASE \(database) WITH (FORCE)")
            return result
        } catch {
            try? await admin("DROP DATABASE \(database) WITH (FORCE)")
            throw error
        }
    }

    /// A statement on the server's `postgres` database, as the superuser postgres-up made.
    private static func admin(_ sql: String) async throws {
        try await withClient(database: "postgres") { _ = try await $0.query(PostgresQuery(unsafeSQL: sql)).collect() }
    }

    private static func withClient<Result: Sendable>(
        database: String, _ body: @Sendable (PostgresClient) async throws -> Result
    ) async throws -> Result {
        let client = PostgresClient(
            configuration: .init(unixSocketPath: socket, username: user, password: nil, database: database))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}

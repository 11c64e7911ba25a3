import Diagnostics
import Foundation
import KioskCore
import KioskSQLite
import Testing

@Suite("The cache check: integrity, schema, outbox and last sync, read-only")
struct CacheCheckTests {
    /// The check on the store's reading of `path`, as a build that knew `migrations` would judge it.
    static func check(_ path: String, migrations: [String] = SQLiteKioskStore.migrations) async -> CheckReport {
        let read: @Sendable (String) throws(CacheFileError) -> CacheHealth = { path throws(CacheFileError) in
            var health = try SQLiteKioskStore.health(ofCacheAt: path)
            health.knownMigrations = migrations
            return health
        }
        let checks = ServiceDiagnostics(serviceURL: nil, database: path, readCache: read).checks
        return await DiagnosticsRunner(checks: checks.filter { $0.name == "cache" }).run().checks[0]
    }

    @Test("a synced cache passes, with its schema, an empty outbox and its last sync")
    func healthy() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = try await SyntheticCache.make(in: directory)
        let before = try Data(contentsOf: URL(fileURLWithPath: cache.path))
        let report = await Self.check(cache.path)
        #expect(report.name == "cache")
        #expect(report.status == .pass, "\(report.result.cause)")
        #expect(report.result.cause.hasPrefix("intact, schema \(SQLiteKioskStore.migrations.last!), outbox empty"))
        #expect(report.result.details["outboxPending"] == .integer(0))
        // Read-only: the file is byte for byte what it was.
        #expect(try Data(contentsOf: URL(fileURLWithPath: cache.path)) == before)
    }

    @Test("a cache that never synced is a warning that says so")
    func neverSynced() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = try await SyntheticCache.make(in: directory, synced: false)
        let report = await Self.check(cache.path)
        #expect(report.status == .warn)
        #expect(report.result.cause.contains("never synced"))
        #expect(report.result.fix?.contains("first load") == true)
    }

    @Test("a schema older than this build's is a warning; one newer is a failure")
    func schemaVersions() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = try await SyntheticCache.make(in: directory)
        let behind = await Self.check(cache.path, migrations: SQLiteKioskStore.migrations + ["v99-future"])
        #expect(behind.status == .warn)
        #expect(behind.result.fix?.contains("Restart the terminal service") == true)
        let ahead = await Self.check(cache.path, migrations: Array(SQLiteKioskStore.migrations.dropLast()))
        #expect(ahead.status == .fail)
        #expect(ahead.result.cause.contains("newer than this build knows"))
    }

    @Test("a file that is not a database at all fails, and a missing file is named")
    func notADatabase() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("terminal.sqlite").path
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        let garbage = await Self.check(path)
        #expect(garbage.status == .fail)
        #expect(garbage.result.cause.contains("not an SQLite database"))
        let missing = await Self.check(directory.appendingPathComponent("none.sqlite").path)
        #expect(missing.status == .fail)
        #expect(missing.result.cause.contains("does not exist"))
    }
}

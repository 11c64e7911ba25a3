import Foundation
import GRDB
import KioskCore

/// A cache file read from outside the terminal service, for technicians' tools: one read-only
/// connection that never creates, migrates or writes the file, whatever schema it is at.
/// `immutable` is not used: the service may be writing while a technician looks.
extension SQLiteKioskStore {
    /// The health of the cache at `path`: SQLite's quick check, its migrations against this build's,
    /// the outbox's backlog and the last sync. Tables the file's schema does not have yet count as
    /// empty, so a cache behind this build is reported on, not refused.
    public static func health(ofCacheAt path: String) throws(CacheFileError) -> CacheHealth {
        try readingCache(at: path) { db in
            var health = CacheHealth(
                integrity: try String.fetchAll(db, sql: "PRAGMA quick_check"), appliedMigrations: [],
                knownMigrations: migrations, outbox: OutboxSummary(pending: 0, oldestPendingAt: nil, needsReview: 0),
                lastSync: nil)
            guard health.isIntact else { return health }
            // GRDB's own table: the migrator's answers list only the migrations it knows, not a later build's.
            if try db.tableExists("grdb_migrations") {
                health.appliedMigrations = try String.fetchAll(
                    db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            }
            if try db.tableExists(OutboxRow.databaseTableName) { health.outbox = try outboxSummary(db) }
            if try db.tableExists(CacheStateRow.databaseTableName) {
                // The one column every schema's cacheState has: a cache from before `loaded` still answers.
                health.lastSync = try Int64.fetchOne(db, CacheStateRow.select(CacheStateRow.Columns.asOf))
                    .map(Date.init(milliseconds:))
            }
            return health
        }
    }

    /// Every resident's and staff member's name held in the cache at `path`, for a support bundle
    /// to remove them.
    public static func names(inCacheAt path: String) throws(CacheFileError) -> [String] {
        try readingCache(at: path) { db in
            var names: [String] = []
            if try db.tableExists(PersonRow.databaseTableName) {
                names += try String.fetchAll(db, PersonRow.select(PersonRow.Columns.name))
            }
            if try db.tableExists(StaffRow.databaseTableName) {
                names += try String.fetchAll(db, StaffRow.select(StaffRow.Columns.name))
            }
            return names
        }
    }

    /// `body` in one read-only connection to `path`, with SQLite's refusals said as ``CacheFileError``.
    private static func readingCache<T>(
        at path: String, _ body: (Database) throws -> T
    ) throws(CacheFileError) -> T {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(2)
        do {
            return try DatabaseQueue(path: path, configuration: configuration).read(body)
        } catch let error as DatabaseError {
            let detail = error.message ?? "\(error.resultCode)"
            switch error.resultCode {
            case .SQLITE_NOTADB: throw .notADatabase(path, detail: detail)
            case .SQLITE_CORRUPT: throw .damaged(path, detail: detail)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: throw .noAccess(path, detail: detail)
            case .SQLITE_BUSY: throw .locked(path, detail: detail)
            default: throw .unreadable(path, detail: detail)
            }
        } catch {
            throw .unreadable(path, detail: "\(error)")
        }
    }
}

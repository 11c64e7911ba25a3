import Foundation
import GRDB

/// Backup and restore of a SQLite centre, a file copied whole: the online backup API takes a
/// consistent copy while the centre serves, and a restore puts a checked copy in place of a stopped
/// centre's database, keeping the one it replaces.
public enum SQLiteCentreBackup {
    /// Copies the centre at `database` to `destination` while it may be serving: SQLite's online
    /// backup, a page range a step so writers wait only for a step, then checked, and moved into
    /// place whole, so an interrupted backup never leaves a file that looks like one.
    public static func backup(_ database: String, to destination: String) throws {
        let partial = destination + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            let source = try DatabasePool(path: database, configuration: readOnly)
            let copy = try DatabaseQueue(path: partial)
            try source.backup(to: copy, pagesPerStep: 256)
            try copy.close()
            try source.close()
            try check(partial)
            try move(partial, to: destination)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Puts the backup `source` in place of the centre's database at `database`, which no process
    /// may hold open; the database it replaces is kept beside it, its name ending in the time of
    /// the restore, and returned.
    @discardableResult
    public static func restore(_ source: String, to database: String, at now: Date = Date()) throws -> String? {
        try check(source)
        let holders = OpenFiles.holders(of: [database, database + "-wal", database + "-shm"])
        guard holders.isEmpty else { throw CentreError.databaseInUse(processes: holders) }
        let partial = database + ".restoring"
        try? FileManager.default.removeItem(atPath: partial)
        try FileManager.default.copyItem(atPath: source, toPath: partial)
        var kept: String?
        if FileManager.default.fileExists(atPath: database) {
            let stamp = ISO8601DateFormatter.string(
                from: now, timeZone: TimeZone(identifier: "UTC")!,
                formatOptions: [
                    .withYear, .withMonth, .withDay,
                    .withTime, .withTimeZone,
                ])
            let replaced = database + ".replaced-" + stamp.replacingOccurrences(of: ":", with: "")
            try FileManager.default.moveItem(atPath: database, toPath: replaced)
            kept = replaced
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        try move(partial, to: database)
        return kept
    }

    /// Throws unless `path` is a sound centre database of a schema this build knows.
    public static func check(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw CentreError.notACentreBackup("no such file") }
        let names: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: readOnly)
            defer { try? queue.close() }
            names = try queue.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard integrity == ["ok"] else {
                    throw CentreError.notACentreBackup(
                        "the integrity check found: \(integrity.prefix(3).joined(separator: "; "))")
                }
                guard try db.tableExists("centreMigration") else { return [] }
                return try String.fetchAll(db, sql: "SELECT name FROM centreMigration")
            }
        } catch let error as CentreError {
            throw error
        } catch {
            throw CentreError.notACentreBackup("SQLite cannot read it as a database")
        }
        guard !names.isEmpty else { throw CentreError.notACentreBackup("it holds no centre schema") }
        guard Set(names).isSubset(of: CentreSchema.migrations.map(\.name)) else { throw CentreError.schemaTooNew }
    }

    private static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        return configuration
    }

    /// Renames `source` to `destination`, replacing it in one step.
    private static func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination])
        }
    }
}

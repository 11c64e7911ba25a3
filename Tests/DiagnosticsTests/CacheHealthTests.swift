import Diagnostics
import Foundation
import GRDB
import KioskCore
import KioskSQLite
import Testing

@Suite("The store's reading of a cache file: what it answers, read-only, whatever the file holds")
struct CacheHealthTests {
    static let township = try! Jurisdiction("430102001")
    static let clerk = Principal.staff(StaffMember(id: "clerk-1", name: "经办人甲", role: .clerk, jurisdiction: township))

    /// Runs `body` with a fresh directory, removed afterwards.
    static func inDirectory(_ body: (URL) async throws -> Void) async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory)
    }

    @Test("a fresh store is intact, at this build's schema, with an empty outbox and no sync, and is left as it was")
    func freshStore() async throws {
        try await Self.inDirectory { directory in
            let path = directory.appendingPathComponent("terminal.sqlite").path
            _ = try SQLiteKioskStore(path: path, ledgerKey: nil)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let health = try SQLiteKioskStore.health(ofCacheAt: path)
            #expect(health.isIntact && health.integrity == ["ok"])
            #expect(health.appliedMigrations == SQLiteKioskStore.migrations)
            #expect(health.knownMigrations == SQLiteKioskStore.migrations)
            #expect(health.outbox == OutboxSummary(pending: 0, oldestPendingAt: nil, needsReview: 0))
            #expect(health.lastSync == nil)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        }
    }

    @Test("pending and refused outbox entries are counted, the oldest dated, while the service has the file open")
    func outboxBacklog() async throws {
        try await Self.inDirectory { directory in
            let cache = try await SyntheticCache.make(in: directory)
            let store = try SQLiteKioskStore(path: cache.path, ledgerKey: .generate())
            try await store.setTerminal(
                TerminalIdentity(terminalID: "T-0001", jurisdiction: Self.township, name: "测试终端"))
            let submitted = Date().addingTimeInterval(-3 * 3600).wholeMilliseconds
            for (offset, person) in cache.people.enumerated() {
                _ = try await store.submit(
                    ApplicationDraft(kind: .trainingSignUp, idNumber: person.idNumber), by: Self.clerk,
                    at: submitted.addingTimeInterval(Double(offset) * 60))
            }
            let refused = try #require(try await store.pendingOutbox(limit: 1).first)
            try await store.failed(refused.idempotencyKey, refused: true, reason: "refused", at: Date())

            let health = try SQLiteKioskStore.health(ofCacheAt: cache.path)
            #expect(health.outbox.pending == cache.people.count - 1)
            #expect(health.outbox.needsReview == 1)
            #expect(health.outbox.oldestPendingAt == submitted.addingTimeInterval(60))
            #expect(health.lastSync.map { abs($0.timeIntervalSinceNow) < 600 } == true)

            let report = await CacheCheckTests.check(cache.path)
            #expect(report.status == .warn)
            #expect(report.result.cause.hasPrefix("1 command(s) the centre refused wait for a supervisor"))
            #expect(report.result.cause.contains("\(cache.people.count - 1) command(s) waiting for the centre"))
            #expect(report.result.details["outboxPending"] == .integer(cache.people.count - 1))
            #expect(report.result.details["outboxNeedsReview"] == .integer(1))
        }
    }

    @Test("a file that is not a database is refused as such; damaged pages fail the check, which says to restore it")
    func damagedFile() async throws {
        try await Self.inDirectory { directory in
            let garbage = directory.appendingPathComponent("garbage.sqlite").path
            try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: garbage))
            #expect(throws: CacheFileError.notADatabase(garbage, detail: "")) {
                try SQLiteKioskStore.health(ofCacheAt: garbage)
            }

            let cache = try await SyntheticCache.make(in: directory, people: 200)
            try Self.overwritePages(of: cache.path, from: 2, count: 4)
            let damaged: Bool
            do throws(CacheFileError) {
                damaged = !(try SQLiteKioskStore.health(ofCacheAt: cache.path).isIntact)
            } catch {
                damaged = [.damaged, .notADatabase].contains(error.code)
            }
            #expect(damaged)
            let report = await CacheCheckTests.check(cache.path)
            #expect(report.status == .fail)
            #expect(report.result.cause.hasPrefix("the cache \(cache.path) "), "\(report.result.cause)")
            #expect(report.result.fix?.contains("restore the cache from the centre") == true)
        }
    }

    @Test("a file from a later build lists the migration this build does not know, and fails the check")
    func newerSchema() async throws {
        try await Self.inDirectory { directory in
            let cache = try await SyntheticCache.make(in: directory)
            try await DatabaseQueue(path: cache.path).write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
            }
            let health = try SQLiteKioskStore.health(ofCacheAt: cache.path)
            #expect(health.appliedMigrations == SQLiteKioskStore.migrations + ["v99-future"])
            #expect(health.knownMigrations == SQLiteKioskStore.migrations)
            let report = await CacheCheckTests.check(cache.path)
            #expect(report.status == .fail)
            #expect(report.result.cause.hasPrefix("the cache's schema (v99-future) is newer than this build knows"))
        }
    }

    @Test("a file behind this build is read, not migrated; a missing one is not created")
    func neverWrites() async throws {
        try await Self.inDirectory { directory in
            let cache = try await SyntheticCache.make(in: directory)
            try await DatabaseQueue(path: cache.path).write { db in
                try db.execute(
                    sql: "DELETE FROM grdb_migrations WHERE identifier = ?",
                    arguments: [SQLiteKioskStore.migrations.last!])
            }
            for _ in 1...2 {
                let health = try SQLiteKioskStore.health(ofCacheAt: cache.path)
                #expect(health.appliedMigrations == Array(SQLiteKioskStore.migrations.dropLast()))
            }
            #expect(await CacheCheckTests.check(cache.path).status == .warn)

            let missing = directory.appendingPathComponent("none.sqlite").path
            #expect(throws: CacheFileError.noAccess(missing, detail: "")) {
                try SQLiteKioskStore.health(ofCacheAt: missing)
            }
            #expect(!FileManager.default.fileExists(atPath: missing))
        }
    }

    @Test("the names for the support bundle: every resident's and staff member's; none from a file that is not a cache")
    func names() async throws {
        try await Self.inDirectory { directory in
            let cache = try await SyntheticCache.make(in: directory)
            let member = StaffMember(id: "clerk-1", name: "经办人甲", role: .clerk, jurisdiction: Self.township)
            let store = try SQLiteKioskStore(path: cache.path, ledgerKey: .generate())
            try await store.setTerminal(TerminalIdentity(terminalID: "T-1", jurisdiction: Self.township, name: "测试"))
            try await store.addStaff(
                StaffAccount(
                    member: member, password: PasswordHash(encoded: "unused"), mustChangePassword: false,
                    isDisabled: false),
                by: .administrator(account: "test"), at: Date())
            let names = try SQLiteKioskStore.names(inCacheAt: cache.path)
            #expect(Set(names) == Set(cache.people.map(\.name) + [member.name]))

            let garbage = directory.appendingPathComponent("garbage.sqlite").path
            try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: garbage))
            let redactor = await Redactor.removingNames(inCache: garbage, read: SQLiteKioskStore.names(inCacheAt:))
            #expect(redactor.names.isEmpty)
        }
    }

    /// Overwrites `count` pages from page `first` (counted from 0) with garbage, as a failing disk would,
    /// after moving the file's WAL into it.
    static func overwritePages(of path: String, from first: Int, count: Int, pageSize: Int = 4096) throws {
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(first * pageSize))
        try handle.write(contentsOf: Data((0..<(count * pageSize)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }))
    }
}

import Foundation
import GRDB
import KioskCore
import Testing

@testable import KioskStore

@Suite("Schema and connection settings")
struct MigrationTests {
    static let migrations = [
        "v1-terminal-and-staff", "v2-reference-data", "v3-applications-and-cards", "v4-outbox-and-ledger",
        "v5-print-jobs", "v6-cache-loaded",
    ]

    @Test("migrations run in order from an empty file, and reopening runs none again")
    func fromEmpty() async throws {
        try await StoreFixture.with(installed: false) { fixture in
            let applied = try fixture.rawRead { db in
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            }
            #expect(applied == Self.migrations)
            let before = try fixture.dump()
            _ = try SQLiteKioskStore(path: fixture.path)
            #expect(try fixture.dump() == before)
            let tables = try fixture.rawRead { db in
                try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'table'"))
            }
            #expect(
                tables.isSuperset(of: [
                    "terminal", "counter", "staff", "person", "enrolment", "contribution", "pensionPayment",
                    "jobPosting", "cacheState", "application", "card", "outbox", "ledger", "ledgerHead", "printJob",
                ]))
        }
    }

    @Test("WAL, foreign keys on, and synchronous FULL on the writer")
    func connectionSettings() async throws {
        try await StoreFixture.with(installed: false) { fixture in
            let pool = fixture.store.pool
            #expect(try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
            #expect(try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
            let writer = try pool.writeWithoutTransaction { db in
                (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
            }
            // 2 is FULL.
            #expect(writer.0 == 2)
            #expect(writer.1 == 1)
        }
    }

    @Test("contributions are keyed (idNumber, insurance, month) with an integer month, STRICT and WITHOUT ROWID")
    func contributionTable() async throws {
        try await StoreFixture.with(installed: false) { fixture in
            try fixture.rawRead { db in
                let key = try Row.fetchAll(
                    db, sql: "SELECT name, type FROM pragma_table_info('contribution') WHERE pk > 0 ORDER BY pk")
                #expect(key.map { $0[0] as String } == ["idNumber", "insurance", "month"])
                #expect(key.map { $0[1] as String } == ["TEXT", "TEXT", "INTEGER"])
                let options = try Row.fetchOne(db, sql: "SELECT wr, strict FROM pragma_table_list('contribution')")
                #expect(options?[0] == 1)
                #expect(options?[1] == 1)
            }
        }
    }

    @Test("a contribution of a person the cache does not hold is refused (foreign key)")
    func foreignKeys() async throws {
        try await StoreFixture.with { fixture in
            await #expect(throws: DatabaseError.self) {
                try await fixture.store.applyReferenceData(
                    .init(
                        contributions: [
                            .init(
                                idNumber: StoreFixture.residents[0], insurance: .enterprisePension,
                                month: .init(year: 2026, month: 1)!, baseFen: 500_000, personalFen: 40_000,
                                employerFen: 80_000, paid: true)
                        ], cursor: "c1", asOf: StoreFixture.monday))
            }
            let cursor = try await fixture.store.referenceDataCursor()
            #expect(cursor == nil)
        }
    }
}

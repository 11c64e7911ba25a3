import Foundation
import GRDB
import KioskCore
import Testing
import Vocabulary

@testable import KioskSQLite

@Suite("Schema and connection settings")
struct MigrationTests {
    static let migrations = [
        "v1-terminal-and-staff", "v2-reference-data", "v3-applications-and-cards", "v4-outbox-and-ledger",
        "v5-print-jobs", "v6-cache-loaded", "v7-national-insurance-codes", "v8-sign-in-failures",
        "v9-staff-account-state", "v10-ledger-key", "v11-case-work", "v12-snapshot-resume", "v13-staff-from-centre",
        "v14-calendar-years",
        "v15-service-routes",
        "v16-card-photos",
        "v17-retiree-checks",
        "v18-satisfaction-ratings",
        "v19-service-guides",
        "v20-notices",
        "v21-job-seekers",
        "v22-job-posting-details",
        "v23-training-courses",
        "v24-appointments",
        "v25-pension-grades",
        "v26-disputes",
    ]

    @Test("migrations run in order from an empty file, and reopening runs none again")
    func fromEmpty() async throws {
        try await StoreFixture.with(installed: false) { fixture in
            let applied = try fixture.rawRead { db in
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            }
            #expect(applied == Self.migrations)
            let before = try fixture.dump()
            _ = try SQLiteKioskStore(path: fixture.path, ledgerKey: fixture.ledgerKey)
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

    /// An account from before v9 signs in as it did: enabled, with no forced change.
    @Test func accountsMadeBeforeAccountStateKeepWorking() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("staff-\(UUID().uuidString).sqlite")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let hash = try PasswordHash(hashing: "an old password", cost: 10)
        let old = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(old, upTo: "v8-sign-in-failures")
        try await old.write { db in
            try db.execute(
                sql:
                    "INSERT INTO staff (id, name, role, jurisdiction, passwordHash) VALUES ('clerk1', '经办员', 'clerk', '430102001', ?)",
                arguments: [hash.encoded])
        }
        try old.close()
        let account = try #require(try await SQLiteKioskStore(path: path, ledgerKey: nil).staff("clerk1"))
        #expect(!account.isDisabled && !account.mustChangePassword)
        #expect(account.password.verify("an old password"))
    }

    @Test("a cache from before the national codes is carried across: residents' rows to 170/390, employees' to 110/310")
    func insuranceNamesBecomeNationalCodes() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("old.sqlite").path
        let villager = "430121199001010011"
        let employee = "430121198502020022"
        let flexible = "430121198003030033"
        let march = YearMonth(year: 2024, month: 3)!.index
        let old = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(old, upTo: "v6-cache-loaded")
        try await old.write { db in
            for id in [villager, employee, flexible] {
                try db.execute(
                    sql: """
                        INSERT INTO person (idNumber, name, sex, birthDate, regionCode, version)
                        VALUES (?, '测试', '1', '1990-01-01', '430121101001', 1)
                        """, arguments: [id])
            }
            let enrolments: [(String, String, String)] = [
                (villager, "pension", "个人"), (villager, "medical", "个人"),
                (employee, "pension", "湘江机械制造有限公司"), (employee, "medical", "湘江机械制造有限公司"),
                (employee, "unemployment", "湘江机械制造有限公司"), (employee, "work-injury", "湘江机械制造有限公司"),
                (employee, "maternity", "湘江机械制造有限公司"), (flexible, "pension", "个人"), (flexible, "medical", "个人"),
            ]
            for (id, insurance, unit) in enrolments {
                try db.execute(
                    sql:
                        "INSERT INTO enrolment (idNumber, insurance, since, status, unit) VALUES (?, ?, ?, 'active', ?)",
                    arguments: [id, insurance, march - 24, unit])
            }
            // Residents pay a grade with no base; the employee and the flexibly employed pay on a base.
            let contributions: [(String, String, Int)] = [
                (villager, "pension", 0), (villager, "medical", 0), (employee, "pension", 500_000),
                (employee, "medical", 500_000), (employee, "unemployment", 500_000), (flexible, "pension", 400_000),
                (flexible, "medical", 400_000),
            ]
            for (id, insurance, base) in contributions {
                try db.execute(
                    sql: """
                        INSERT INTO contribution (idNumber, insurance, month, baseFen, personalFen, employerFen, paid)
                        VALUES (?, ?, ?, ?, 10000, 0, 1)
                        """, arguments: [id, insurance, march, base])
            }
        }

        try old.close()
        let store = try SQLiteKioskStore(path: path, ledgerKey: nil)
        func schemes(_ id: String) async throws -> (enrolled: Set<InsuranceType>, paid: Set<InsuranceType>) {
            let enrolled = try await store.enrolments(of: id).map(\.insurance)
            let paid = try await store.contributions(of: id, insurance: nil, from: nil, to: nil).map(\.insurance)
            return (Set(enrolled), Set(paid))
        }
        let village = try await schemes(villager)
        #expect(village.enrolled == [.residentPension, .residentMedical])
        #expect(village.paid == [.residentPension, .residentMedical])
        let employed = try await schemes(employee)
        #expect(employed.enrolled == [.enterprisePension, .employeeMedical, .unemployment, .workInjury, .maternity])
        #expect(employed.paid == [.enterprisePension, .employeeMedical, .unemployment])
        let alone = try await schemes(flexible)
        #expect(alone.enrolled == [.enterprisePension, .employeeMedical])
        #expect(alone.paid == [.enterprisePension, .employeeMedical])
        let leftOver = try await store.pool.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM enrolment WHERE insurance NOT GLOB '[0-9][0-9][0-9]')
                         + (SELECT count(*) FROM contribution WHERE insurance NOT GLOB '[0-9][0-9][0-9]')
                    """)
        }
        #expect(leftOver == 0)
    }
}

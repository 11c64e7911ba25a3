import Foundation
import GRDB
import KioskCore
import Testing

@testable import KioskSQLite

@Suite("The ledger in the database: verify, and tampering with the file")
struct LedgerStoreTests {
    typealias F = StoreFixture

    /// Ten entries: five submissions, each followed by a staff read.
    func write(_ store: some KioskStore) async throws {
        for index in 0..<5 {
            let at = F.monday.addingTimeInterval(Double(index * 60))
            _ = try await store.submit(.init(kind: .trainingSignUp, idNumber: F.residents[index]), by: F.clerk, at: at)
            try await store.log(
                "person.read", subject: .person(idNumber: F.residents[index]), by: F.clerk, detail: "", at: at)
        }
    }

    @Test("an untouched ledger verifies, and reads back page by page")
    func intact() async throws {
        try await F.with { fixture in
            #expect(try await fixture.store.verifyLedger() == .intact(entries: 0))
            try await write(fixture.store)
            #expect(try await fixture.store.verifyLedger() == .intact(entries: 10))
            let page = try await fixture.store.ledger(from: 4, limit: 3)
            #expect(page.map(\.sequence) == [4, 5, 6])
            #expect(page[0].previousHash == (try await fixture.store.ledger(from: 3, limit: 1))[0].hash)
        }
    }

    /// Reads logged at once share commits (LedgerGroupCommit): every caller's entry is there
    /// exactly once when its call returns, interleaved with ordinary writes, and the chain holds.
    @Test("concurrent staff reads and writes: every entry once, the chain intact")
    func concurrentReads() async throws {
        try await F.with { fixture in
            let store = fixture.store
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let person = F.residents[index % F.residents.count]
                        if index % 10 == 0 {
                            _ = try await store.submit(
                                .init(kind: .trainingSignUp, idNumber: person), by: F.clerk, at: F.monday)
                        }
                        try await store.log(
                            "person.read", subject: .person(idNumber: person), by: F.clerk, detail: "read=\(index)",
                            at: F.monday)
                        let logged = try await store.ledger(from: 1, limit: 1_000).filter {
                            $0.detail == "read=\(index)"
                        }
                        #expect(logged.count == 1, "read \(index) is not on the ledger when its call returns")
                    }
                }
                try await group.waitForAll()
            }
            let reads = try await store.ledger(from: 1, limit: 1_000).filter { $0.action == "person.read" }
            #expect(Set(reads.map(\.detail)).count == 200 && reads.count == 200)
            #expect(try await store.verifyLedger() == .intact(entries: 220))
        }
    }

    @Test("a batch that cannot commit fails every caller in it")
    func failedBatch() async throws {
        try await F.with(installed: false) { fixture in
            let store = fixture.store
            let failures = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        do {
                            try await store.log(
                                "person.read", subject: .person(idNumber: F.residents[0]), by: F.clerk,
                                detail: "read=\(index)", at: F.monday)
                            return false
                        } catch let error as KioskError {
                            return error == .terminalNotInstalled
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(failures == 20)
            #expect(try await store.verifyLedger() == .intact(entries: 0))
        }
    }

    @Test("the ledger refuses updates and deletes through SQL unless its triggers are dropped")
    func appendOnly() async throws {
        try await F.with { fixture in
            try await write(fixture.store)
            #expect(throws: DatabaseError.self) {
                try fixture.rawWrite { db in try db.execute(sql: "UPDATE ledger SET detail = 'x' WHERE sequence = 3") }
            }
            #expect(throws: DatabaseError.self) {
                try fixture.rawWrite { db in try db.execute(sql: "DELETE FROM ledger WHERE sequence = 3") }
            }
            #expect(try await fixture.store.verifyLedger() == .intact(entries: 10))
        }
    }

    enum Tampering: String, CaseIterable {
        case alterAField, alterAndReseal, deleteARow, deleteTheLastRows, deleteTheLastRowsThenWrite
    }

    @Test(
        "someone with the file drops the triggers and edits rows: each change is found", arguments: Tampering.allCases)
    func tampering(_ tampering: Tampering) async throws {
        try await F.with { fixture in
            try await write(fixture.store)
            try fixture.rawWrite { db in
                try db.execute(sql: "DROP TRIGGER ledgerNoUpdate; DROP TRIGGER ledgerNoDelete")
                switch tampering {
                case .alterAField:
                    try db.execute(sql: "UPDATE ledger SET actor = 'supervisor-1' WHERE sequence = 4")
                case .alterAndReseal:
                    // A forger without the key recomputes every hash from the entry they changed to the
                    // head, as plain SHA-256 allowed: the keyed hash of that entry no longer matches.
                    var previous = try LedgerRow.fetchOne(db, key: 3)!.entry.hash
                    for row in try LedgerRow.filter(LedgerRow.Columns.sequence >= 4).order(LedgerRow.Columns.sequence)
                        .fetchAll(db)
                    {
                        var entry = row.entry
                        if entry.sequence == 4 { entry.actor = "supervisor-1" }
                        entry.previousHash = previous
                        entry.hash = entry.legacyHash
                        previous = entry.hash
                        try db.execute(
                            sql: "UPDATE ledger SET actor = ?, previousHash = ?, hash = ? WHERE sequence = ?",
                            arguments: [entry.actor, entry.previousHash, entry.hash, entry.sequence])
                    }
                    try db.execute(sql: "UPDATE ledgerHead SET hash = ?", arguments: [previous])
                case .deleteARow:
                    try db.execute(sql: "DELETE FROM ledger WHERE sequence = 6")
                case .deleteTheLastRows, .deleteTheLastRowsThenWrite:
                    try db.execute(sql: "DELETE FROM ledger WHERE sequence > 7")
                }
            }
            if tampering == .deleteTheLastRowsThenWrite {
                try await fixture.store.log("person.read", subject: .terminal, by: F.clerk, detail: "", at: F.monday)
            }
            let expected: LedgerVerifier.Finding =
                switch tampering {
                case .alterAField: .altered(sequence: 4)
                case .alterAndReseal: .altered(sequence: 4)
                case .deleteARow: .missing(before: 7)
                case .deleteTheLastRows: .truncated(after: 7)
                // The new entry chains onto the recorded head (10), so the cut leaves a gap.
                case .deleteTheLastRowsThenWrite: .missing(before: 11)
                }
            #expect(try await fixture.store.verifyLedger() == expected)
        }
    }

    /// The centre's record of the ledger as it stood after ``write(_:)``: entry 10.
    func anchor(_ fixture: StoreFixture) async throws -> LedgerAnchor {
        LedgerAnchor(head: try await fixture.store.ledgerHead(), anchoredAt: F.monday)
    }

    func verify(_ fixture: StoreFixture, anchor: LedgerAnchor?, key: LedgerKey? = nil) throws -> LedgerVerifier.Finding
    {
        try SQLiteKioskStore.verifyLedger(atPath: fixture.path, key: key ?? fixture.ledgerKey, anchor: anchor)
    }

    @Test("the tail cut off with the head moved to the cut: intact alone, truncated below the centre's anchor")
    func tailAndHeadCut() async throws {
        try await F.with { fixture in
            try await write(fixture.store)
            let anchor = try await anchor(fixture)
            #expect(try verify(fixture, anchor: anchor) == .intact(entries: 10))
            try fixture.rawWrite { db in
                try db.execute(sql: "DROP TRIGGER ledgerNoDelete; DELETE FROM ledger WHERE sequence > 7")
                let last = try LedgerRow.fetchOne(db, key: 7)!
                try db.execute(sql: "UPDATE ledgerHead SET sequence = 7, hash = ?", arguments: [last.hash])
            }
            #expect(try await fixture.store.verifyLedger() == .intact(entries: 7))
            #expect(try verify(fixture, anchor: anchor) == .truncatedBelowAnchor(last: 7, anchor: 10))
        }
    }

    @Test("the whole ledger and its head deleted: found against the centre's anchor")
    func emptied() async throws {
        try await F.with { fixture in
            try await write(fixture.store)
            let anchor = try await anchor(fixture)
            try fixture.rawWrite { db in
                try db.execute(sql: "DROP TRIGGER ledgerNoDelete; DELETE FROM ledger; DELETE FROM ledgerHead")
            }
            #expect(try await fixture.store.verifyLedger() == .intact(entries: 0))
            #expect(try verify(fixture, anchor: anchor) == .emptied(anchor: 10))
        }
    }

    @Test("another key: refused at opening, and named by the check; a store opened without one writes no entry")
    func wrongKey() async throws {
        try await F.with { fixture in
            try await write(fixture.store)
            let other = LedgerKey.generate()
            #expect(throws: LedgerKeyError.mismatch) { try SQLiteKioskStore(path: fixture.path, ledgerKey: other) }
            #expect(try verify(fixture, anchor: nil, key: other) == .wrongKey)
            let keyless = try SQLiteKioskStore(path: fixture.path, ledgerKey: nil)
            await #expect(throws: LedgerKeyError.notGiven) {
                try await keyless.log("person.read", subject: .terminal, by: F.clerk, detail: "", at: F.monday)
            }
            await #expect(throws: LedgerKeyError.notGiven) {
                _ = try await keyless.submit(
                    .init(kind: .trainingSignUp, idNumber: F.residents[6]), by: F.clerk, at: F.monday)
            }
            #expect(try fixture.counts()["ledger"] == 10)
        }
    }

    /// A store from before migration v9: entries chained with plain SHA-256, the head without a key check.
    @Test("a ledger from before the key is sealed when first opened with one, and its old entries stay checked")
    func oldLedgerSealed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-old-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("old.sqlite").path
        let old = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(old, upTo: "v8-sign-in-failures")
        try await old.write { db in
            try db.execute(
                sql:
                    "INSERT INTO terminal (id, terminalID, jurisdiction, name) VALUES (1, 'T-0001', '430102001', '旧终端')"
            )
            var previous = LedgerEntry.genesisHash
            for sequence in Int64(1)...3 {
                var entry = LedgerEntry(
                    sequence: sequence, atMilliseconds: 1_700_000_000_000 + sequence, actor: "clerk-1",
                    action: "person.read", subject: "person:4301**********1238", terminalID: "T-0001",
                    regionCode: "430102001", detail: "", previousHash: previous, hash: "")
                entry.hash = entry.legacyHash
                previous = entry.hash
                try LedgerRow(entry).insert(db)
            }
            try db.execute(sql: "INSERT INTO ledgerHead (id, sequence, hash) VALUES (1, 3, ?)", arguments: [previous])
        }
        try old.close()
        let before = try await DatabaseQueue(path: path).read { db in
            try LedgerRow.order(LedgerRow.Columns.sequence).fetchAll(db)
        }
        let key = LedgerKey.generate()
        #expect(
            try SQLiteKioskStore.verifyLedger(atPath: path, key: key, anchor: nil) == .unsealed(entries: 3))

        let store = try SQLiteKioskStore(path: path, ledgerKey: key)
        let ledger = try await store.ledger(from: 1, limit: 10)
        #expect(ledger.prefix(3).map(\.hash) == before.map(\.hash))
        #expect(ledger.map(\.action) == ["person.read", "person.read", "person.read", LedgerEntry.sealAction])
        try await store.log("person.read", subject: .terminal, by: F.clerk, detail: "", at: F.monday)
        _ = try SQLiteKioskStore(path: path, ledgerKey: key)
        #expect(try await store.verifyLedger() == .intact(entries: 5))

        try await store.pool.write { db in
            try db.execute(sql: "DROP TRIGGER ledgerNoUpdate; UPDATE ledger SET actor = 'clerk-2' WHERE sequence = 2")
        }
        #expect(try await store.verifyLedger() == .altered(sequence: 2))
    }
}

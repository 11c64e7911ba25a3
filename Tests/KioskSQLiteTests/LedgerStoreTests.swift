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
                    // A forger who recomputes the hash of the entry they changed breaks the next link.
                    var entry = try LedgerRow.fetchOne(db, key: 4)!.entry
                    entry.actor = "supervisor-1"
                    entry.hash = entry.expectedHash
                    try db.execute(
                        sql: "UPDATE ledger SET actor = ?, hash = ? WHERE sequence = 4",
                        arguments: [entry.actor, entry.hash])
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
                case .alterAndReseal: .missing(before: 5)
                case .deleteARow: .missing(before: 7)
                case .deleteTheLastRows: .truncated(after: 7)
                // The new entry chains onto the recorded head (10), so the cut leaves a gap.
                case .deleteTheLastRowsThenWrite: .missing(before: 11)
                }
            #expect(try await fixture.store.verifyLedger() == expected)
        }
    }
}

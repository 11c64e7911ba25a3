import Foundation
import GRDB
import KioskCore
import TestSupport
import Testing

@testable import KioskSQLite

/// The writer is a small executable of its own (Tests/KioskSQLiteCrashWriter) rather than this test
/// binary in a helper mode: the test binary's entry point belongs to the test runner, which would
/// need a filter and an environment switch to reach a writer loop and would mix its own output
/// with the ids this test reads. The executable prints nothing but the acknowledged ids.
@Suite("Crash safety")
struct CrashSafetyTests {
    /// The complete lines of `text`: a line cut by the kill was never acknowledged.
    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    }

    @Test("SIGKILL in the middle of writes loses no acknowledged write and leaves no half-written application")
    func killedWhileWriting() async throws {
        try await StoreFixture.with(installed: false) { fixture in
            let writer = BuildFolder.executable("KioskSQLiteCrashWriter")
            #expect(FileManager.default.isExecutableFile(atPath: writer), "build KioskSQLiteCrashWriter")
            var submitted: Set<String> = []
            var approved: Set<String> = []
            for round in 1...25 {
                let child = try await BackgroundProcess.start([writer, fixture.path, fixture.ledgerKeyPath])
                // Kill after a random number of acknowledged writes, a random moment later.
                let target = Int.random(in: 1...40)
                let deadline = ContinuousClock.now + .seconds(60)
                while Self.lines(child.standardOutput).count < target, child.isRunning, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(1))
                }
                try await Task.sleep(for: .microseconds(Int.random(in: 0...5000)))
                #expect(child.isRunning, "round \(round): the writer stopped on its own: \(child.standardError)")
                #expect(try await child.kill() == .signalled(SIGKILL))

                for line in Self.lines(child.standardOutput) {
                    let parts = line.split(separator: " ")
                    if parts[0] == "submitted" { submitted.insert(String(parts[1])) }
                    if parts[0] == "approved" { approved.insert(String(parts[1])) }
                }
                try await check(fixture, submitted: submitted, approved: approved, round: round)
            }
        }
    }

    /// Every acknowledged write is there with its outbox and ledger entries; every application has
    /// exactly the entries of the writes it went through; the ledger verifies.
    func check(_ fixture: StoreFixture, submitted: Set<String>, approved: Set<String>, round: Int) async throws {
        let store = try SQLiteKioskStore(path: fixture.path, ledgerKey: fixture.ledgerKey)
        let decoder = SyncJSON.decoder()
        let state = try fixture.rawRead { db in
            let applications = try ApplicationRow.fetchAll(db)
            var commands: [String: [String]] = [:]
            for row in try OutboxRow.order(Column("sequence")).fetchAll(db) {
                let id =
                    row.command == "application.submit"
                    ? try decoder.decode(Application.self, from: row.payload).id
                    : try decoder.decode(ApplicationMovePayload.self, from: row.payload).id
                commands[id, default: []].append(row.command)
            }
            var ledger: [String: [String]] = [:]
            for row in try LedgerRow.order(Column("sequence")).fetchAll(db) {
                ledger[String(row.subject.dropFirst("application:".count)), default: []].append(row.action)
            }
            return (applications, commands, ledger)
        }
        let (applications, commands, ledger) = state
        let byID = Dictionary(uniqueKeysWithValues: applications.map { ($0.id, $0) })
        #expect(submitted.subtracting(byID.keys).isEmpty, "round \(round): acknowledged submissions are missing")
        #expect(
            approved.allSatisfy { byID[$0]?.status == .approved }, "round \(round): an acknowledged approval is missing"
        )
        for application in applications {
            let expected = ["application.submit"] + Array(repeating: "application.move", count: application.version - 1)
            #expect(commands[application.id] == expected, "round \(round): outbox of \(application.id)")
            #expect(ledger[application.id] == expected, "round \(round): ledger of \(application.id)")
        }
        #expect(
            Set(commands.keys).subtracting(byID.keys).isEmpty,
            "round \(round): outbox entries without their application")
        #expect(
            Set(ledger.keys).subtracting(byID.keys).isEmpty, "round \(round): ledger entries without their application")
        #expect(try await store.verifyLedger() == .intact(entries: ledger.values.map(\.count).reduce(0, +)))
    }
}

import Foundation
import KioskCore
import KioskSQLite
import TestSupport
import Testing

@Suite("sskiosk ledger verify")
struct LedgerVerifyCommandTests {
    /// A ledger with the seeded staff accounts' additions (10) and staff reads and writes of a
    /// person (4), so a full ID number could leak into output.
    static func ledgerWithEntries() async throws -> TestTerminal {
        let fixture = try TestTerminal.make()
        try await fixture.seed()
        let clerk = try #require(try await fixture.store.staff("clerk1")).member
        let services = KioskServices(store: fixture.store)
        _ = try await services.summary(of: fixture.here.idNumber, for: .staff(clerk))
        for kind in [ApplicationKind.employmentRegistration, .trainingSignUp, .cardApplication] {
            _ = try await services.submit(
                ApplicationDraft(kind: kind, idNumber: fixture.here.idNumber, details: [:]), by: .staff(clerk))
        }
        return fixture
    }

    @Test("an intact ledger passes with exit status 0 and no full ID number in the output")
    func intact() async throws {
        let fixture = try await Self.ledgerWithEntries()
        let run = try await CommandRun.ledgerVerify(database: fixture.path)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.hasPrefix("ledger intact: 14 entries"), "\(run.output)")
        #expect(!run.output.contains(fixture.here.idNumber))
    }

    /// Someone with the file drops the append-only trigger and edits a line, then deletes the last:
    /// the hash chain catches both.
    @Test("an altered or truncated ledger fails with a non-zero exit status, naming the entry")
    func broken() async throws {
        let fixture = try await Self.ledgerWithEntries()
        try await sqlite(
            fixture.path,
            "DROP TRIGGER ledgerNoUpdate; UPDATE ledger SET detail = 'kind=training-sign-up' WHERE sequence = 2;")
        let altered = try await CommandRun.ledgerVerify(database: fixture.path)
        #expect(altered.status != 0)
        #expect(altered.output.contains("entry 2 was altered"), "\(altered.output)")

        let other = try await Self.ledgerWithEntries()
        try await sqlite(other.path, "DROP TRIGGER ledgerNoDelete; DELETE FROM ledger WHERE sequence = 14;")
        let truncated = try await CommandRun.ledgerVerify(database: other.path)
        #expect(truncated.status != 0)
        #expect(truncated.output.contains("missing after entry 13"), "\(truncated.output)")
        #expect(!truncated.output.contains(other.here.idNumber))
    }

    @Test("a missing key file is an error naming the file; another key is named as the wrong key")
    func keys() async throws {
        let fixture = try await Self.ledgerWithEntries()
        let absent = fixture.path + ".absent.key"
        let missing = try await CommandRun.ledgerVerify(database: fixture.path, key: absent)
        #expect(missing.status != 0)
        #expect(missing.output.contains("no ledger key file at \(absent)"), "\(missing.output)")
        #expect(!FileManager.default.fileExists(atPath: absent), "ledger verify must make no key")

        let other = fixture.path + ".other.key"
        _ = try LedgerKeyFile.readOrCreate(other)
        let wrong = try await CommandRun.ledgerVerify(database: fixture.path, key: other)
        #expect(wrong.status != 0)
        #expect(wrong.output.hasPrefix("wrong key"), "\(wrong.output)")
        let keyText = try String(contentsOfFile: other, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(!wrong.output.contains(keyText))
    }

    @Test("a database that does not exist is an error, not an empty intact ledger")
    func missingDatabase() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID()).sqlite").path
        let run = try await CommandRun.ledgerVerify(database: path)
        #expect(run.status != 0)
        #expect(!run.output.contains("intact"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// The sqlite3 shell (hardware/rig/install-deps) edits the file as an outsider would.
    private func sqlite(_ path: String, _ sql: String) async throws {
        let run = try await CommandRun.run(["/usr/bin/sqlite3", path, sql])
        #expect(run.status == 0, "sqlite3 \(sql): \(run.standardError)")
    }
}

extension CommandRun {
    /// `sskiosk ledger verify` on `database` with the ledger key `key` (by default the one beside it,
    /// ``ServiceProcess/ledgerKeyPath(for:)``) and `options` (the centre's, say).
    static func ledgerVerify(database: String, key: String? = nil, _ options: [String] = []) async throws
        -> CommandRun
    {
        try await run(
            [
                BuildFolder.executable("sskiosk"), "ledger", "verify", "--database", database, "--ledger-key",
                key ?? ServiceProcess.ledgerKeyPath(for: database),
            ] + options)
    }
}

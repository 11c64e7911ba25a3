import Foundation
import KioskSQLite
import TestSupport
import Testing

/// The ledger anchored at the centre, between real processes: a `sskiosk serve` terminal writes
/// and drains, the centre anchors its ledger head, and then the terminal's database is edited
/// with the sqlite3 shell as someone with the file in hand would. `sskiosk ledger verify` with the
/// centre's options must fail on each edit, in plain words, and pass on an untouched copy.
@Suite("The ledger against the centre's anchor, between real processes", .serialized)
struct LedgerAnchorProcessTests {
    typealias Sync = SyncProcessTests

    @Test(
        "a ledger cut back, rewritten or emptied with sqlite3 fails ledger verify against the centre; an untouched one passes",
        arguments: Sync.stores)
    func tamperingFoundAgainstTheAnchor(store: CentreProcess.Store) async throws {
        try await Sync.withCentre(store, terminals: ["T-1"]) { centre in
            let database = centre.file("T-1.sqlite")
            let key = ServiceProcess.ledgerKeyPath(for: database)
            var people: [String] = []
            var anchored = 0
            try await Sync.withTerminal("T-1", centre) { terminal in
                let clerk = try await Sync.clerk(terminal)
                _ = try await Sync.waitFor("the first load", clerk) { ($0["cacheLoaded"] as? Bool) == true }
                people = Array(try await Sync.people(centre, id: "T-1").prefix(5))
                for person in people {
                    _ = try #require(await Sync.submit(clerk, kind: "training-sign-up", idNumber: person))
                }
                _ = try await Sync.waitFor("the drain", clerk) { Sync.pending($0) == 0 }
                anchored = try await Self.waitForAnchor(centre, database: database)
            }
            #expect(anchored >= 6)
            try await Self.sqlite(database, "PRAGMA wal_checkpoint(TRUNCATE)")
            let copies = ["untouched", "rewritten", "emptied"].map { ($0, centre.file("T-1-\($0).sqlite")) }
            for (_, copy) in copies {
                try FileManager.default.copyItem(atPath: database, toPath: copy)
                try FileManager.default.copyItem(atPath: key, toPath: ServiceProcess.ledgerKeyPath(for: copy))
            }
            let keyText = try String(contentsOfFile: key, encoding: .utf8).trimmingCharacters(in: .newlines)
            func verify(_ path: String, centre link: Bool = true, key: String? = nil) async throws -> CommandRun {
                let run = try await CommandRun.ledgerVerify(
                    database: path, key: key, link ? centre.linkArguments("T-1") : [])
                for person in people { #expect(!run.output.contains(person), "an ID number in: \(run.output)") }
                #expect(!run.output.contains(keyText), "the key in: \(run.output)")
                return run
            }

            let untouched = try await verify(copies[0].1)
            #expect(untouched.status == 0, "\(untouched.output)")
            #expect(untouched.output.contains("ledger intact"), "\(untouched.output)")
            #expect(untouched.output.contains("the centre's anchor, entry \(anchored), is in the chain"))

            // The tail cut off and the head moved onto the cut: whole as far as the file alone can tell.
            let cut = anchored - 4
            try await Self.sqlite(
                database,
                """
                DROP TRIGGER ledgerNoDelete; DELETE FROM ledger WHERE sequence > \(cut);
                UPDATE ledgerHead SET sequence = \(cut), hash = (SELECT hash FROM ledger WHERE sequence = \(cut));
                """)
            let alone = try await verify(database, centre: false)
            #expect(alone.status == 0, "\(alone.output)")
            let truncated = try await verify(database)
            #expect(truncated.status != 0)
            #expect(
                truncated.output.hasPrefix(
                    "ledger truncated below the centre's anchor: it ends at entry \(cut), but the centre anchored entry \(anchored)"
                ), "\(truncated.output)")

            // The terminal, started again on the cut ledger, sends its head: refused and recorded. It
            // writes on past the anchor; its entry there is not the anchored one, so the anchor holds.
            try await Sync.withTerminal("T-1", centre) { terminal in
                let clerk = try await Sync.clerk(terminal)
                _ = try await Sync.waitFor("the refused head", clerk) {
                    (($0["link"] as? [String: Any])?["lastError"] as? String)?.contains("ledger head") == true
                }
                for person in people {
                    _ = try #require(await Sync.submit(clerk, kind: "employment-registration", idNumber: person))
                }
                _ = try await Sync.waitFor("the drain of the writes after the cut", clerk) { Sync.pending($0) == 0 }
                let deadline = ContinuousClock.now + .seconds(60)
                while try await centre.query(
                    "SELECT 1 FROM ledgerAnchorRefusal WHERE terminalID = 'T-1' AND code = 'ledger-head-differs'"
                ).isEmpty {
                    guard ContinuousClock.now < deadline else {
                        throw CentreProcess.Failure("no head refused as differing")
                    }
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            let codes = try await centre.query(
                "SELECT DISTINCT code || '|' || anchoredSequence FROM ledgerAnchorRefusal WHERE terminalID = 'T-1' ORDER BY 1"
            )
            #expect(codes == ["ledger-head-behind|\(anchored)", "ledger-head-differs|\(anchored)"])
            #expect(
                try await centre.query("SELECT sequence FROM ledgerAnchor WHERE terminalID = 'T-1'") == ["\(anchored)"])
            #expect(try await centre.query("SELECT count(*) FROM application WHERE terminalID = 'T-1'") == ["10"])
            let regrown = try await verify(database)
            #expect(regrown.status != 0)
            #expect(
                regrown.output.hasPrefix("rewritten entry: entry \(anchored) is not the one the centre anchored"),
                "\(regrown.output)")
            #expect(regrown.output.contains("note: the centre refused"), "\(regrown.output)")

            // An entry changed in place: its keyed hash no longer matches, and only the key could remake it.
            try await Self.sqlite(
                copies[1].1, "DROP TRIGGER ledgerNoUpdate; UPDATE ledger SET actor = 'supervisor1' WHERE sequence = 2")
            let rewritten = try await verify(copies[1].1)
            #expect(rewritten.status != 0)
            #expect(rewritten.output.hasPrefix("entry 2 was altered"), "\(rewritten.output)")

            try await Self.sqlite(
                copies[2].1, "DROP TRIGGER ledgerNoDelete; DELETE FROM ledger; DELETE FROM ledgerHead")
            let emptied = try await verify(copies[2].1)
            #expect(emptied.status != 0)
            #expect(
                emptied.output.hasPrefix(
                    "ledger emptied: it holds no entry, but the centre anchored it at entry \(anchored)"),
                "\(emptied.output)")

            let otherKey = centre.file("other.key")
            _ = try LedgerKeyFile.readOrCreate(otherKey)
            let wrongKey = try await verify(copies[0].1, key: otherKey)
            #expect(wrongKey.status != 0)
            #expect(wrongKey.output.hasPrefix("wrong key"), "\(wrongKey.output)")

            // With the centre named but out of reach, the check against its anchor cannot be made.
            try await centre.stop()
            let unreachable = try await verify(copies[0].1)
            #expect(unreachable.status != 0)
            #expect(unreachable.output.contains("not checked against the centre's anchor"), "\(unreachable.output)")
        }
    }

    /// Waits until the centre's anchor for T-1 is the head the terminal's database records; answers its sequence.
    static func waitForAnchor(_ centre: CentreProcess, database: String) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(60)
        var local: [String] = []
        while ContinuousClock.now < deadline {
            local = try await CommandRun.standardOutput(of: [
                "/usr/bin/sqlite3", "-batch", "-noheader", database, "SELECT sequence || '|' || hash FROM ledgerHead",
            ]).split(separator: "\n").map(String.init)
            let remote = try await centre.query(
                "SELECT sequence || '|' || hash FROM ledgerAnchor WHERE terminalID = 'T-1'")
            if !local.isEmpty, remote == local, let sequence = local.first?.split(separator: "|").first {
                return Int(sequence) ?? 0
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CentreProcess.Failure("the centre never anchored the terminal's head \(local)")
    }

    /// The sqlite3 shell (hardware/rig/install-deps) edits the file as an outsider would.
    static func sqlite(_ path: String, _ sql: String) async throws {
        let run = try await CommandRun.run(["/usr/bin/sqlite3", path, sql])
        #expect(run.status == 0, "sqlite3 \(sql): \(run.standardError)")
    }
}

import Foundation
import TestSupport
import Testing

/// A PostgreSQL centre backed up while it serves and restored into a new database, with
/// PostgreSQL's own tools (`pg_dump` in its custom format, `pg_restore`): `sskiosk centre` finds every
/// record committed before the backup there, none made after, and goes on writing. Needs the local
/// cluster of hardware/postgres/postgres-up; under CI=true its absence fails the test.
@Suite("A PostgreSQL centre backed up and restored")
struct PostgresRestoreTests {
    @Test("pg_dump while the centre serves, pg_restore into a new database: the centre as it was, writing again")
    func dumpedAndRestored() async throws {
        guard CentreProcess.postgresAvailable else {
            #expect(
                !CentreProcess.Store.isCI,
                "no PostgreSQL at \(CentreProcess.Store.socket): run hardware/postgres/postgres-up")
            return
        }
        var centre = try await CentreProcess.make(store: .postgres, terminals: ["T-1", "T-2"], people: 60)
        let restored = centre.database + "_restored"
        let dump = centre.file("centre.dump")
        try await withCleanup {
            try await centre.register("T-1")
            try await centre.start()
            _ = try await CommandRun.standardOutput(of: ["/usr/bin/pg_dump", "-Fc", "-f", dump, "-d", centre.database])
            try await centre.register("T-2")
            try await centre.stop()

            _ = try await CommandRun.standardOutput(of: [
                "/usr/bin/psql", "-d", "postgres", "-q", "-c",
                "CREATE DATABASE \(restored) TEMPLATE template0 ENCODING 'UTF8'",
            ])
            _ = try await CommandRun.standardOutput(of: [
                "/usr/bin/pg_restore", "--exit-on-error", "--no-owner", "-d", restored, dump,
            ])
            func rows(_ sql: String) async throws -> [String] {
                try await CommandRun.standardOutput(of: ["/usr/bin/psql", "-d", restored, "-At", "-c", sql])
                    .split(separator: "\n").map(String.init)
            }
            #expect(try await rows("SELECT id FROM terminal ORDER BY id") == ["T-1"])
            #expect(try await centre.query("SELECT id FROM terminal ORDER BY id") == ["T-1", "T-2"])
            #expect(try await rows("SELECT count(*) FROM person") == centre.query("SELECT count(*) FROM person"))
            #expect(
                try await rows("SELECT value FROM changeCounter") == centre.query("SELECT value FROM changeCounter"))

            // The restored centre takes writes again: a terminal registered there.
            _ = try await centre.sskiosk([
                "centre", "register-terminal", "--postgres", "postgres://\(CentreProcess.Store.user)@/\(restored)",
                "--database", centre.file("centre.sqlite"), "--ledger-key", centre.file("centre-ledger.key"),
                "--id", "T-3", "--jurisdiction", CentreProcess.township, "--name", "T-3",
            ])
            #expect(try await rows("SELECT id FROM terminal ORDER BY id") == ["T-1", "T-3"])
        } cleanup: {
            try? await centre.stop()
            _ = try? await CommandRun.standardOutput(of: [
                "/usr/bin/psql", "-d", "postgres", "-q", "-c", "DROP DATABASE IF EXISTS \(restored) WITH (FORCE)",
            ])
            await centre.remove()
        }
    }
}

import Foundation
import TestSupport
import Testing

/// A PostgreSQL centre backed up as docs/SCALE.md says, with `pg_basebackup` while it serves, and
/// restored the way a lost server is: the copy started as a cluster of its own (a free port, its own
/// configuration), where `sskiosk centre` finds every record committed before the backup, none made
/// after, and goes on writing. Needs the local cluster of hardware/postgres/postgres-up; under
/// CI=true its absence fails the test.
@Suite("A PostgreSQL centre restored from a base backup")
struct PostgresRestoreTests {
    @Test("pg_basebackup while the centre serves; the copy, started as a cluster, serves the centre as it was")
    func baseBackupRestored() async throws {
        guard CentreProcess.postgresAvailable else {
            #expect(
                !CentreProcess.Store.isCI,
                "no PostgreSQL at \(CentreProcess.Store.socket): run hardware/postgres/postgres-up")
            return
        }
        var centre = try await CentreProcess.make(store: .postgres, terminals: ["T-1", "T-2"], people: 60)
        let copy = centre.directory.appendingPathComponent("restored")
        let data = copy.appendingPathComponent("data").path
        let bin = try Self.postgresBin()
        let port = try LocalPort.free()
        try await withCleanup {
            try await centre.register("T-1")
            try await centre.start()
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            _ = try await CommandRun.standardOutput(of: ["/usr/bin/chown", "postgres:postgres", copy.path])
            _ = try await Self.asPostgres(["\(bin)/pg_basebackup", "-D", data, "-X", "stream", "--checkpoint=fast"])
            try await centre.register("T-2")
            try await centre.stop()

            // Debian keeps a cluster's configuration outside its data directory: the copy gets its own.
            let files = [
                "postgresql.conf": """
                listen_addresses = '127.0.0.1'
                port = \(port)
                unix_socket_directories = '\(copy.path)'
                hba_file = '\(data)/pg_hba.conf'
                ident_file = '\(data)/pg_ident.conf'
                """,
                "pg_hba.conf": "host all all 127.0.0.1/32 trust\n",
                "pg_ident.conf": "",
            ]
            for (name, text) in files {
                let path = data + "/" + name
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                _ = try await CommandRun.standardOutput(of: ["/usr/bin/chown", "postgres:postgres", path])
            }
            _ = try await Self.asPostgres(["\(bin)/pg_ctl", "-D", data, "-l", copy.path + "/server.log", "-w", "start"])
            let restored = [
                "--postgres",
                "postgres://\(CentreProcess.Store.user)@127.0.0.1:\(port)/\(centre.database)?sslmode=disable",
            ]
            func terminals() async throws -> [String] {
                try await CommandRun.standardOutput(of: [
                    "/usr/bin/psql", "-h", "127.0.0.1", "-p", String(port), "-d", centre.database, "-At", "-c",
                    "SELECT id FROM terminal ORDER BY id",
                ]).split(separator: "\n").map(String.init)
            }
            #expect(try await terminals() == ["T-1"])
            #expect(try await centre.query("SELECT id FROM terminal ORDER BY id") == ["T-1", "T-2"])
            let people = try await centre.query("SELECT count(*) FROM person")
            #expect(
                try await CommandRun.standardOutput(of: [
                    "/usr/bin/psql", "-h", "127.0.0.1", "-p", String(port), "-d", centre.database, "-At", "-c",
                    "SELECT count(*) FROM person",
                ]).split(separator: "\n").map(String.init) == people)

            // The restored centre takes writes again: a terminal registered there.
            _ = try await centre.sskiosk(
                ["centre", "register-terminal"] + restored + [
                    "--id", "T-3", "--jurisdiction", CentreProcess.township, "--name", "T-3",
                ])
            #expect(try await terminals() == ["T-1", "T-3"])
        } cleanup: {
            _ = try? await Self.asPostgres(["\(bin)/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"])
            try? await centre.stop()
            await centre.remove()
        }
    }

    /// The binaries of the newest PostgreSQL installed.
    static func postgresBin() throws -> String {
        let versions = try FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql").compactMap(Int.init)
        guard let newest = versions.max() else {
            throw CentreProcess.Failure("no PostgreSQL under /usr/lib/postgresql")
        }
        return "/usr/lib/postgresql/\(newest)/bin"
    }

    /// `argv` run as the `postgres` user, which owns the clusters (PostgreSQL refuses to run as root).
    static func asPostgres(_ argv: [String]) async throws -> String {
        try await CommandRun.standardOutput(of: ["/usr/sbin/runuser", "-u", "postgres", "--"] + argv)
    }
}

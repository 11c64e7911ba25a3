import Foundation
import TestSupport
import Testing

/// `sskiosk centre backup` and `restore` on a real SQLite centre: a copy taken while `centre serve`
/// runs and a write goes on, a restore refused while the centre still holds its database, then
/// done with the centre stopped, the replaced database kept, and the centre serving the backup's
/// records again; a file that is not a backup, or is of a newer schema, changes nothing.
@Suite("A SQLite centre backed up while it serves and restored")
struct CentreBackupTests {
    func sskiosk(_ arguments: [String]) async throws -> CommandRun {
        try await CommandRun.run([BuildFolder.executable("sskiosk")] + arguments)
    }

    @Test("backup online, restore refused while serving, restored when stopped, served again")
    func backupAndRestore() async throws {
        var centre = try await CentreProcess.make(store: .sqlite, terminals: [], people: 60)
        try await withCleanup {
            for terminal in ["T-1", "T-2", "T-3"] { try await centre.register(terminal) }
            try await centre.start()
            let backup = centre.file("backup.sqlite")
            let database = centre.database
            // A township generated meanwhile: the centre writes while the copy is taken.
            async let writing = sskiosk(
                [
                    "centre", "generate", "--database", database, "--county", "430122", "--people", "500",
                    "--months", "12", "--seed", "99",
                ])
            let taken = try await sskiosk(["centre", "backup", "--database", centre.database, "--to", backup])
            #expect(taken.status == 0, "\(taken.output)")
            #expect(try await writing.status == 0)
            #expect(!FileManager.default.fileExists(atPath: backup + ".partial"))
            let integrity = try await CommandRun.standardOutput(of: [
                "/usr/bin/sqlite3", "-batch", backup, "PRAGMA integrity_check",
            ])
            #expect(integrity.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")

            try await centre.register("T-9")
            #expect(centre.process?.isRunning == true, "the centre stopped on its own: \(centre.logText.suffix(4_000))")
            let serving = try await sskiosk(["centre", "restore", "--database", centre.database, "--from", backup])
            #expect(serving.status != 0)
            #expect(serving.output.contains("stop the centre"), "\(serving.output)")
            #expect(try await centre.query("SELECT id FROM terminal ORDER BY id") == ["T-1", "T-2", "T-3", "T-9"])

            try await centre.stop()
            let notABackup = centre.file("not-a-backup.sqlite")
            try Data("not a database at all".utf8).write(to: URL(fileURLWithPath: notABackup))
            let wrong = try await sskiosk(["centre", "restore", "--database", centre.database, "--from", notABackup])
            #expect(wrong.status != 0 && wrong.output.contains("not a centre database backup"), "\(wrong.output)")
            let newer = centre.file("newer.sqlite")
            try FileManager.default.copyItem(atPath: backup, toPath: newer)
            _ = try await CommandRun.standardOutput(of: [
                "/usr/bin/sqlite3", newer, "INSERT INTO centreMigration (name) VALUES ('v99-from-the-future')",
            ])
            let future = try await sskiosk(["centre", "restore", "--database", centre.database, "--from", newer])
            #expect(future.status != 0 && future.output.contains("newer version"), "\(future.output)")
            #expect(try await centre.query("SELECT id FROM terminal ORDER BY id") == ["T-1", "T-2", "T-3", "T-9"])

            let restored = try await sskiosk(["centre", "restore", "--database", centre.database, "--from", backup])
            #expect(restored.status == 0, "\(restored.output)")
            let kept = try FileManager.default.contentsOfDirectory(atPath: centre.directory.path)
                .filter { $0.hasPrefix("centre.sqlite.replaced-") }
            #expect(kept.count == 1, "\(kept)")
            try await centre.start()
            #expect(try await centre.query("SELECT id FROM terminal ORDER BY id") == ["T-1", "T-2", "T-3"])
            #expect(try await centre.query("SELECT COUNT(*) FROM person WHERE regionCode LIKE '430121%'") == ["60"])
        } cleanup: {
            try await centre.stop()
            await centre.remove()
        }
    }
}

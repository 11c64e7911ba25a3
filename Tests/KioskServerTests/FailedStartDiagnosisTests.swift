import Diagnostics
import Foundation
import Supervision
import TestSupport
import Testing

/// A start that fails after an upgrade, as a technician finds it: `systemctl status` shows the
/// reason as the unit's status line (the test plays systemd's notify socket), and `sskiosk diag`
/// names the upgrade and the way back, while the service is down.
@Suite("A failed start after an upgrade shows in the unit's status and in sskiosk diag")
struct FailedStartDiagnosisTests {
    @Test func aFailedStartAfterAnUpgradeIsNamedUntilAStartSucceeds() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("failed-start-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("terminal.sqlite")
        // What the version before left: a start that became ready. Then a cache the new version cannot open.
        try #"{"at":"2026-12-01T08:00:00Z","outcome":"ready","version":"0.0.9"}"#.write(
            to: directory.appendingPathComponent("terminal.start.json"), atomically: true, encoding: .utf8)
        try "this is no database".write(to: database, atomically: true, encoding: .utf8)
        let socket = try NotifySocket(path: directory.appendingPathComponent("notify").path)
        defer { socket.close() }
        let port = try LocalPort.free()
        let serve = [
            BuildFolder.executable("sskiosk"), "serve", "--config", RigConfiguration.terminal, "--demo",
            "--no-resident-reader", "--no-speech", "--database", database.path, "--port", String(port),
            "--ledger-key", directory.appendingPathComponent("ledger.key").path,
        ]
        let failed = try await CommandRun.run(serve, environment: ["NOTIFY_SOCKET": socket.path])
        #expect(failed.status != 0)
        let status = try #require(try socket.receive(within: .seconds(10)))
        #expect(status.hasPrefix("STATUS=Failed to start: "), "\(status)")

        let diagnose = [
            BuildFolder.executable("sskiosk"), "diag", "--skip", "readers", "--skip", "printers", "--service",
            "http://127.0.0.1:\(port)", "--database", database.path, "--json",
        ]
        let down = try await Self.report(diagnose)
        let start = try #require(down["service-start"])
        #expect(start.status == .fail)
        #expect(
            start.result.cause.contains("failed to start after the upgrade from 0.0.9 to "), "\(start.result.cause)")
        #expect(start.result.fix?.contains("apt install sskiosk=0.0.9") == true)
        #expect(down["terminal-service"]?.status == .fail)

        // The technician moves the damaged cache aside; the next start is ready and says it upgraded.
        try FileManager.default.removeItem(at: database)
        let process = try await BackgroundProcess.start(
            serve, environment: ["NOTIFY_SOCKET": socket.path], output: .file("/dev/null"))
        try await withCleanup {
            #expect(try socket.receive(within: .seconds(120)) == "READY=1")
            let up = try await Self.report(diagnose)
            let ready = try #require(up["service-start"])
            #expect(ready.status == .pass)
            #expect(ready.result.cause.contains("started after the upgrade from 0.0.9 to "), "\(ready.result.cause)")
        } cleanup: {
            if process.isRunning { try await process.kill() }
        }
    }

    /// The centre keeps the same record in its data directory and says the same in its status line.
    @Test func aCentreThatFailsToStartSaysWhyUntilAStartSucceeds() async throws {
        let centre = try await CentreProcess.make(store: .sqlite, terminals: [], people: 2)
        try await withCleanup {
            let record = StartRecordFile(besideDatabase: centre.database)
            #expect(record.path == centre.file("centre.start.json"))
            try "this is no database".write(toFile: centre.database, atomically: true, encoding: .utf8)
            let socket = try NotifySocket(path: centre.file("notify"))
            defer { socket.close() }
            let failed = try await CommandRun.run(centre.serveCommand, environment: ["NOTIFY_SOCKET": socket.path])
            #expect(failed.status != 0)
            let status = try #require(try socket.receive(within: .seconds(10)))
            #expect(status.hasPrefix("STATUS=Failed to start: "), "\(status)")
            #expect(record.read()?.outcome == .failed)
            #expect(record.read()?.failure?.isEmpty == false)

            try FileManager.default.removeItem(atPath: centre.database)
            let process = try await BackgroundProcess.start(
                centre.serveCommand, environment: ["NOTIFY_SOCKET": socket.path], output: .file(centre.log.path))
            try await withCleanup {
                let ready = try socket.receive(within: .seconds(60))
                #expect(ready == "READY=1")
                #expect(record.read()?.outcome == .ready)
            } cleanup: {
                if process.isRunning { try await process.kill() }
            }
        } cleanup: {
            await centre.remove()
        }
    }

    private static func report(_ argv: [String]) async throws -> DiagnosticsReport {
        let run = try await CommandRun.run(argv)
        return try JSONDecoder().decode(DiagnosticsReport.self, from: Data(run.standardOutput.utf8))
    }
}

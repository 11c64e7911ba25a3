import Diagnostics
import Foundation
import Supervision
import Testing

@Suite("The start record and its check: a failed start after an upgrade is named with both versions")
struct ServiceStartCheckTests {
    /// The service-start check's report on the record at `record`.
    static func report(_ record: StartRecordFile) async throws -> CheckReport {
        let plan = DiagnosticsPlan(
            skipping: [.readers, .printers], serviceURL: nil,
            database: record.path.replacing(".start.json", with: ".sqlite"), readCache: DiagnosticsPlanTests.unread)
        return try #require(await plan.run()["service-start"])
    }

    static func file(in directory: URL) -> StartRecordFile {
        StartRecordFile(besideDatabase: directory.appendingPathComponent("terminal.sqlite").path)
    }

    @Test("the record sits beside the database, named after it")
    func besideTheDatabase() {
        #expect(
            StartRecordFile(besideDatabase: "/var/lib/sskiosk/terminal.sqlite").path
                == "/var/lib/sskiosk/terminal.start.json")
    }

    @Test("a start keeps the last version that was ready, and a later error does not undo a ready start")
    func transitions() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = Self.file(in: directory)
        #expect(file.read() == nil)
        try file.starting(version: "0.1.0")
        try file.ready()
        #expect(try !file.failed("a runtime error once serving"))
        #expect(file.read()?.outcome == .ready)
        try file.starting(version: "0.2.0")
        #expect(file.read()?.upgradedFrom == "0.1.0")
        #expect(try file.failed("the cache /x is not a database"))
        // A second failed start of the same upgrade still remembers the version that worked.
        try file.starting(version: "0.2.0")
        #expect(file.read()?.lastReadyVersion == "0.1.0")
        try file.ready()
        try file.starting(version: "0.2.0")
        #expect(file.read()?.upgradedFrom == nil)
    }

    @Test("a failed start after an upgrade fails the check, naming both versions and the way back")
    func failedAfterUpgrade() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = Self.file(in: directory)
        try file.starting(version: "0.1.0")
        try file.ready()
        try file.starting(version: "0.2.0")
        try file.failed("migration v10-ledger-key failed: disk I/O error")
        let report = try await Self.report(file)
        #expect(report.status == .fail)
        #expect(
            report.result.cause.contains("failed to start after the upgrade from 0.1.0 to 0.2.0"),
            "\(report.result.cause)")
        #expect(report.result.cause.contains("migration v10-ledger-key failed"))
        #expect(report.result.fix?.contains("apt install sskiosk=0.1.0") == true)
        #expect(report.result.details["outcome"] == "failed")
    }

    @Test("a ready start passes; one that never became ready warns only once it is too old to be starting")
    func readyAndStarting() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = Self.file(in: directory)
        #expect(try await Self.report(file).status == .pass)
        try file.starting(version: "0.1.0")
        #expect(try await Self.report(file).result.cause.contains("is starting"))
        try file.starting(version: "0.1.0", at: Date(timeIntervalSinceNow: -600))
        let stale = try await Self.report(file)
        #expect(stale.status == .warn)
        #expect(stale.result.cause.contains("never became ready"))
        try file.ready()
        let ready = try await Self.report(file)
        #expect(ready.status == .pass)
        #expect(ready.result.cause.hasPrefix("version 0.1.0 started"))
    }
}

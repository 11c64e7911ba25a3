import Foundation
import KioskCore
import KioskSQLite
import Logging
import Printing
import Testing

@testable import KioskServer

@Suite("Print jobs kept in the store: their state answers after a restart, to their owner only")
struct PrintJobPersistenceTests {
    /// Two residents (synthetic numbers) whose masked numbers are the same: first four and last four alike.
    static let first = Principal.resident(idNumber: "430102198507141238")
    static let second = Principal.resident(idNumber: "430102199912311238")

    /// One key for every desk on a path, as one terminal keeps one across restarts.
    static let ledgerKey = LedgerKey.generate()

    static func desk(_ printer: ScriptedPrinter, path: String) throws -> PrintDesk {
        PrintDesk(
            service: printer, store: try SQLiteKioskStore(path: path, ledgerKey: Self.ledgerKey), events: EventHub(),
            logger: Logger(label: "test"), pollInterval: .milliseconds(10))
    }

    static func submit(_ key: String, by owner: Principal, to desk: PrintDesk) async throws -> (
        status: PrintJobStatus, created: Bool
    ) {
        try await desk.submit(
            key: key, printerKey: try IdempotencyKey("T1-\(key)"), document: .proofOfInsurance, queue: "rig-a4",
            owner: owner.ownerKey, at: Date()
        ) {
            PrintableDocument(
                document: try PrintDocument(pdf: OnePagePDF.make(width: 595, height: 842, content: ""), title: "test"),
                options: PrintableDocument.a4)
        }
    }

    static func waitFor(_ state: PrintJobStatus.State, _ key: String, on desk: PrintDesk) async throws {
        for _ in 0..<500 {
            if try await desk.status(of: key, owner: "", anyone: true).state == state { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("job \(key) never reached \(state)")
    }

    @Test("a job submitted before a restart answers after it, and is watched again until it prints")
    func survivesRestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("print-\(UUID()).sqlite").path
        let printer = ScriptedPrinter()
        printer.set(.processing)
        let before = try Self.desk(printer, path: path)
        let submitted = try await Self.submit("proof-1", by: Self.first, to: before)
        #expect(submitted.created)
        try await Self.waitFor(.printing, "proof-1", on: before)

        let after = try Self.desk(printer, path: path)
        let mine = try await after.status(of: "proof-1", owner: Self.first.ownerKey, anyone: false)
        #expect(mine.key == "proof-1")
        #expect(mine.printerJobID == submitted.status.printerJobID)
        #expect(mine.state == .printing)
        // The same key again after the restart is the same job, not a second print.
        let again = try await Self.submit("proof-1", by: Self.first, to: after)
        #expect(!again.created)
        #expect(printer.submissions.count == 1)
        printer.set(.completed)
        try await Self.waitFor(.completed, "proof-1", on: after)
        #expect(try await after.status(of: "proof-1", owner: Self.first.ownerKey, anyone: false).state == .completed)
    }

    @Test("two residents whose masked ID numbers are alike never see or take each other's job")
    func ownerIsThePrincipal() async throws {
        #expect(Self.first.ledgerName == Self.second.ledgerName)
        #expect(Self.first.ownerKey != Self.second.ownerKey)
        #expect(!Self.first.ownerKey.contains("198507141238"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("print-\(UUID()).sqlite").path
        let printer = ScriptedPrinter()
        let desk = try Self.desk(printer, path: path)
        _ = try await Self.submit("receipt-1", by: Self.first, to: desk)
        await #expect(throws: KioskError.self) {
            try await desk.status(of: "receipt-1", owner: Self.second.ownerKey, anyone: false)
        }
        await #expect(throws: APIError.self) { try await Self.submit("receipt-1", by: Self.second, to: desk) }
        // Nor after a restart, when the job comes from the store.
        let restarted = try Self.desk(printer, path: path)
        await #expect(throws: KioskError.self) {
            try await restarted.status(of: "receipt-1", owner: Self.second.ownerKey, anyone: false)
        }
        #expect(
            try await restarted.status(of: "receipt-1", owner: Self.first.ownerKey, anyone: false).key == "receipt-1")
        #expect(try await restarted.status(of: "receipt-1", owner: "staff:clerk1", anyone: true).key == "receipt-1")
        #expect(printer.submissions.count == 1)
    }
}

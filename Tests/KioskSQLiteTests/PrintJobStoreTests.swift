import Foundation
import KioskCore
import Testing

@testable import KioskSQLite

@Suite("Print jobs in the store")
struct PrintJobStoreTests {
    typealias F = StoreFixture

    @Test("a job's latest state is kept under its key, survives reopening, and finished ones are forgotten")
    func keptAndForgotten() async throws {
        try await F.with { fixture in
            let store = fixture.store
            let monday = F.monday
            let job = PrintJobRecord(
                key: "proof-1", owner: "staff:clerk-1", status: Data(#"{"state":"queued"}"#.utf8), finished: false,
                updatedAt: monday)
            try await store.savePrintJob(job)
            var done = job
            done.status = Data(#"{"state":"completed"}"#.utf8)
            done.finished = true
            done.updatedAt = monday.addingTimeInterval(60)
            try await store.savePrintJob(done)
            let open = PrintJobRecord(
                key: "proof-2", owner: "staff:clerk-1", status: Data("{}".utf8), finished: false, updatedAt: monday)
            try await store.savePrintJob(open)
            #expect(try await store.printJob("proof-1") == done)
            #expect(try await store.printJob("nothing") == nil)

            let reopened = try SQLiteKioskStore(path: fixture.path, ledgerKey: fixture.ledgerKey)
            #expect(try await reopened.printJob("proof-1") == done)
            // Forgetting before the change keeps it; after, the finished job goes and the open one stays.
            try await reopened.forgetPrintJobs(finishedBefore: monday.addingTimeInterval(60))
            #expect(try await reopened.printJob("proof-1") == done)
            try await reopened.forgetPrintJobs(finishedBefore: monday.addingTimeInterval(3600))
            #expect(try await reopened.printJob("proof-1") == nil)
            #expect(try await reopened.printJob("proof-2") == open)
        }
    }
}

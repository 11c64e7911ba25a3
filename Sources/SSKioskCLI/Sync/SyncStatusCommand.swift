import ArgumentParser
import Foundation
import KioskCore
import KioskSQLite

/// What waits for the centre, read straight from the terminal's database (the service may be
/// down): writes pending and since when, refused writes waiting for review and why, the cache's
/// as-of time. Keys, command names and reasons only: no payloads, so no personal data.
struct SyncStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Writes waiting for the centre, refused writes, the cache's age.")

    @Option(help: "The terminal's SQLite database.")
    var database = "/var/lib/sskiosk/terminal.sqlite"

    @Flag(help: "Print JSON (as GET /api/sync answers, without the link's state).")
    var json = false

    func run() async throws {
        // Reads only: no ledger key.
        let store = try SQLiteKioskStore(path: database, ledgerKey: nil)
        let status = try await SyncStatus.read(from: store, monitor: nil)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(status), as: UTF8.self))
            return
        }
        let time = Date.ISO8601FormatStyle()
        print("pending writes: \(status.outbox.pending)", terminator: "")
        print(status.outbox.oldestPendingAt.map { ", oldest made \($0.formatted(time))" } ?? "")
        print("refused, waiting for review: \(status.outbox.needsReview)")
        for entry in try await store.outboxNeedingReview(limit: 50) {
            print("  \(entry.idempotencyKey)  \(entry.command)  \(entry.lastError ?? "")")
        }
        print("cache: \(status.cacheLoaded ? "loaded" : "not loaded")", terminator: "")
        print(status.cacheAsOf.map { ", as of \($0.formatted(time))" } ?? "")
    }
}

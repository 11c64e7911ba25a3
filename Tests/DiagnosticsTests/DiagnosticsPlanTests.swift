import Diagnostics
import Foundation
import KioskCore
import Testing

@Suite("The diagnostics plan: which checks a run makes, with which settings")
struct DiagnosticsPlanTests {
    /// The reader of plans whose cache check does not run.
    static let unread: @Sendable (String) throws(CacheFileError) -> CacheHealth = { path throws(CacheFileError) in
        throw .unreadable(path, detail: "not read in this test")
    }

    static func names(_ plan: DiagnosticsPlan, cardInUse: Bool = false) async -> [String] {
        await plan.checks(cardInUse: cardInUse).map(\.name)
    }

    @Test("by default: the card path, the permissions, the printers and the service; no PSAM, cache or centre")
    func defaults() async {
        let plan = DiagnosticsPlan(queues: ["rig-a4"], readCache: Self.unread)
        #expect(
            await Self.names(plan) == [
                "pcscd", "readers", "card", "round-trip", "reader-access", "udev-rules", "cupsd", "printer:rig-a4",
                "print-access", "terminal-service",
            ])
        #expect(plan.serviceURL == "http://127.0.0.1:8080")
        #expect(plan.roundTrips == 20 && plan.timeout == .seconds(4))
    }

    @Test("a PSAM slot, a test page, a cache and a centre each add their checks, in report order")
    func everything() async {
        let plan = DiagnosticsPlan(
            cardReader: "Virtual PCD 00 00", psamReader: "Virtual PCD 00 01", queues: ["rig-a4", "rig-card"],
            testPage: true, database: "/var/lib/sskiosk/terminal.sqlite", readCache: Self.unread,
            centre: "https://centre.example:8443")
        #expect(
            await Self.names(plan) == [
                "pcscd", "readers", "card", "round-trip", "psam", "reader-access", "udev-rules", "cupsd",
                "printer:rig-a4", "printer:rig-card", "print-access", "test-page", "terminal-service", "service-start",
                "cache", "centre", "centre-certificate", "clock",
            ])
    }

    @Test("while a resident's session holds the card, the card is left alone and its latency is not measured")
    func cardInUse() async {
        let plan = DiagnosticsPlan(
            skipping: [.printers, .service], cardReader: "Virtual PCD 00 00", readCache: Self.unread)
        #expect(
            await Self.names(plan, cardInUse: true) == ["pcscd", "readers", "card", "reader-access", "udev-rules"])
    }

    @Test("a group left out makes no check; without the service's address, its cache and the centre still run")
    func skipping() async {
        #expect(
            await Self.names(DiagnosticsPlan(skipping: Set(DiagnosticsPlan.Group.allCases), readCache: Self.unread))
                .isEmpty)
        let plan = DiagnosticsPlan(
            skipping: [.readers, .printers], serviceURL: nil, database: "/var/lib/sskiosk/terminal.sqlite",
            readCache: Self.unread, centre: "https://centre.example:8443")
        #expect(
            await Self.names(plan) == ["service-start", "cache", "centre", "centre-certificate", "clock"])
    }

    @Test("the cache check judges what the plan's reader answers, and says why a file could not be read")
    func injectedReader() async throws {
        try await Self.withCacheOnlyPlan { plan, path in
            let health = CacheHealth(
                integrity: ["ok"], appliedMigrations: ["v1-a", "v2-b"], knownMigrations: ["v1-a", "v2-b"],
                outbox: OutboxSummary(
                    pending: 3, oldestPendingAt: Date().addingTimeInterval(-2 * 86400), needsReview: 0),
                lastSync: Date())
            plan.readCache = { _ in health }
            let stale = try #require(await plan.run()["cache"])
            #expect(stale.status == .warn)
            #expect(stale.result.cause.hasPrefix("the oldest outbox command has waited 2 d"), "\(stale.result.cause)")
            #expect(stale.result.details["schema"] == "v2-b")
            #expect(stale.result.details["outboxPending"] == .integer(3))

            plan.readCache = { path throws(CacheFileError) in throw .locked(path, detail: "database is locked") }
            let locked = try #require(await plan.run()["cache"])
            #expect(locked.status == .fail)
            #expect(locked.result.cause == "the cache \(path) cannot be read: another process holds it locked")
        }
    }

    @Test("the plan's time limit is the run's: a reading that outlives it is reported as hung")
    func timeout() async throws {
        try await Self.withCacheOnlyPlan { plan, _ in
            plan.readCache = { path throws(CacheFileError) in
                Thread.sleep(forTimeInterval: 1)
                throw .locked(path, detail: "database is locked")
            }
            plan.timeout = .milliseconds(200)
            let cache = try #require(await plan.run()["cache"])
            #expect(cache.status == .fail)
            #expect(cache.result.cause.hasPrefix("cache did not finish within"), "\(cache.result.cause)")
        }
    }

    /// Runs `body` with a plan that checks only the cache, at `path`: an empty file, there for the
    /// check to find, whose reading is the reader's that `body` gives the plan.
    static func withCacheOnlyPlan(_ body: (inout DiagnosticsPlan, String) async throws -> Void) async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("terminal.sqlite").path
        try Data().write(to: URL(fileURLWithPath: path))
        var plan = DiagnosticsPlan(skipping: [.readers, .printers], serviceURL: nil, database: path, readCache: unread)
        try await body(&plan, path)
    }
}

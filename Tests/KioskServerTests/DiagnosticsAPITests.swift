import Diagnostics
import Foundation
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskSQLite
import KioskServer
import Testing

@Suite("Technician API: health with version and uptime, diagnostics for technicians only")
struct DiagnosticsAPITests {
    /// The terminal's diagnostics over its own cache (the real check of the real store file).
    func withAPI(
        _ body: @escaping @Sendable (StaffAPITests.Client, TestTerminal) async throws -> Void
    ) async throws {
        let terminal = try TestTerminal.make { path, cardInUse in
            var checks = ServiceDiagnostics(
                serviceURL: nil, database: path, readCache: SQLiteKioskStore.health(ofCacheAt:)
            )
            .checks
            // The card checks themselves need pcscd (rig tests); here, only whether they would touch the card.
            if cardInUse { checks += ReaderDiagnostics(cardInUse: true).checks.filter { $0.name == "card" } }
            return await DiagnosticsRunner(checks: checks).run()
        }
        try await terminal.seed()
        try await terminal.terminal.application(watchCards: false).test(.router) { client in
            try await body(StaffAPITests.Client(client: client), terminal)
        }
    }

    @Test("health says ok, this build's version and how long the service has run")
    func health() async throws {
        try await withAPI { api, _ in
            let health = try await api.call(.get, "/api/health")
            #expect(health.status == 200)
            #expect(health.body["status"] as? String == "ok")
            #expect(health.body["version"] as? String == KioskTerminal.version)
            let uptime = try #require(health.body["uptimeSeconds"] as? Double)
            #expect(uptime >= 0 && uptime < 60)
        }
    }

    @Test("a technician gets the report of the terminal's cache, with no name or ID number in it")
    func technicianReadsTheReport() async throws {
        try await withAPI { api, terminal in
            let technician = try await api.login("technician1")
            let response = try await api.call(.get, "/api/diagnostics", token: technician)
            #expect(response.status == 200, "\(response.text)")
            let report = try JSONDecoder().decode(DiagnosticsReport.self, from: Data(response.text.utf8))
            let cache = try #require(report["cache"])
            #expect(cache.category == .service)
            #expect(cache.result.details["schema"] == .string(SQLiteKioskStore.migrations.last!))
            #expect(cache.result.details["outboxPending"] == .integer(0))
            #expect(cache.result.cause.contains("intact"))
            for person in [terminal.here, terminal.elsewhere] {
                #expect(!response.text.contains(person.idNumber))
                #expect(!response.text.contains(person.name))
            }
        }
    }

    @Test("while a resident's session holds the card, diagnostics leave the card alone and the session goes on")
    func cardInUseIsLeftAlone() async throws {
        try await withAPI { api, terminal in
            let technician = try await api.login("technician1")
            let idle = try await api.call(.get, "/api/diagnostics", token: technician)
            #expect(try JSONDecoder().decode(DiagnosticsReport.self, from: Data(idle.text.utf8))["card"] == nil)

            try await terminal.insertResidentCard()
            let session = try await api.call(.post, "/api/session/pin", json: #"{"pin":"123456"}"#)
            let resident = try #require(session.body["token"] as? String, "\(session.text)")
            let during = try await api.call(.get, "/api/diagnostics", token: technician)
            let report = try JSONDecoder().decode(DiagnosticsReport.self, from: Data(during.text.utf8))
            let card = try #require(report["card"], "\(during.text)")
            #expect(card.status == .pass && card.result.details["inUse"] == .bool(true))
            #expect(report["round-trip"] == nil)
            #expect(try await api.call(.get, "/api/me", token: resident).status == 200)
        }
    }

    @Test(
        "everyone else is refused: no token, clerks, supervisors, auditors",
        arguments: ["clerk1", "supervisor1", "auditor1"])
    func othersAreRefused(_ id: String) async throws {
        try await withAPI { api, _ in
            let anonymous = try await api.call(.get, "/api/diagnostics")
            #expect(anonymous.status == 401)
            let token = try await api.login(id)
            let refused = try await api.call(.get, "/api/diagnostics", token: token)
            #expect(refused.status == 403, "\(id): \(refused.text)")
            #expect(refused.body["code"] as? String == "forbidden")
            #expect(refused.body["checks"] == nil)
        }
    }
}

import Foundation
import TestSupport
import Testing

/// The console of a real `sskiosk centre serve`: accounts made by `sskiosk centre staff add` with
/// the first password piped in, on both stores; and schemathesis against openapi-centre.yaml.
@Suite(.serialized) struct ConsoleProcessTests {
    static var stores: [CentreProcess.Store] {
        CentreProcess.postgresAvailable || CentreProcess.Store.isCI ? CentreProcess.Store.allCases : [.sqlite]
    }

    @Test(
        "staff add keeps a scrypt hash, refuses a weak password, a village area and a taken id; the first sign-in forces a change",
        arguments: stores)
    func staffAddAndFirstSignIn(_ store: CentreProcess.Store) async throws {
        var centre = try await CentreProcess.make(store: store, terminals: [], people: 3)
        try await withCleanup {
            let add =
                ["centre", "staff", "add", "admin-1"] + centre.storeArguments + [
                    "--name", "县管理员", "--role", "county-administrator", "--jurisdiction", CentreProcess.county,
                ]
            let weak = try await CommandRun.run([BuildFolder.executable("sskiosk")] + add, input: "aaaaaaaaaa\n")
            #expect(weak.status != 0)
            let village = try await CommandRun.run(
                [BuildFolder.executable("sskiosk")] + add.dropLast() + [CentreProcess.township + "001"],
                input: "first-pass-1\n")
            #expect(village.status != 0)
            #expect(village.output.contains("--jurisdiction"))
            try await centre.sskiosk(add, input: "first-pass-1\n")
            let again = try await CommandRun.run([BuildFolder.executable("sskiosk")] + add, input: "first-pass-1\n")
            #expect(again.status != 0)
            #expect(again.output.contains("staff-exists") || again.output.contains("already has"))
            let stored = try await centre.query(
                "SELECT role, jurisdiction, mustChangePassword, passwordHash FROM centreStaff")
            #expect(stored.count == 1)
            #expect(stored.first?.hasPrefix("county-administrator|\(CentreProcess.county)|1|scrypt$") == true)
            #expect(stored.first?.contains("first-pass-1") == false)

            try await centre.start()
            let first = try await Self.call(
                centre, "POST", "/console/api/session", #"{"id":"admin-1","password":"first-pass-1"}"#)
            #expect(first.status == 403)
            #expect(first.body.contains("password-change-required"))
            let changed = try await Self.call(
                centre, "POST", "/console/api/password",
                #"{"id":"admin-1","password":"first-pass-1","newPassword":"county-secret-1"}"#)
            #expect(changed.status == 200)
            #expect(changed.body.contains(#""role":"county-administrator""#))
        } cleanup: {
            try? await centre.stop()
            await centre.remove()
        }
    }

    @Test(
        "schemathesis finds no 5xx and no answer outside openapi-centre.yaml",
        .enabled(
            if: SchemathesisTests.executable != nil || SchemathesisTests.required,
            "schemathesis is missing: run hardware/rig/install-deps"),
        .timeLimit(.minutes(10)))
    func schemathesis() async throws {
        let schemathesis = try #require(SchemathesisTests.executable)
        var centre = try await CentreProcess.make(store: .sqlite, terminals: [], people: 3)
        try await withCleanup {
            try await centre.sskiosk(
                ["centre", "staff", "add", "admin-1"] + centre.storeArguments + [
                    "--name", "县管理员", "--role", "county-administrator", "--jurisdiction", CentreProcess.county,
                ], input: "first-pass-1\n")
            try await centre.sskiosk(
                ["centre", "register-terminal"] + centre.storeArguments + [
                    "--id", "T-1", "--jurisdiction", CentreProcess.township,
                ])
            try await centre.start()
            let session = try await Self.call(
                centre, "POST", "/console/api/password",
                #"{"id":"admin-1","password":"first-pass-1","newPassword":"county-secret-1"}"#)
            let token = try #require(
                (try JSONSerialization.jsonObject(with: Data(session.body.utf8)) as? [String: Any])?["token"] as? String
            )
            let report = centre.directory.appendingPathComponent("schemathesis")
            try FileManager.default.createDirectory(at: report, withIntermediateDirectories: true)
            let run = try await CommandRun.run(
                [
                    schemathesis.path, "run", Self.document.path, "--url", centre.url, "--tls-verify", "false",
                    "--header", "Authorization: Bearer \(token)",
                    "--checks",
                    "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
                    // Signing out, or revoking the one terminal, would change what the rest of the run sees.
                    "--exclude-path", "/console/api/session", "--exclude-path-regex", "/revoke$",
                    "--max-examples", "25", "--seed", "2026", "--workers", "1", "--request-timeout", "10",
                    "--phases", "examples,coverage,fuzzing", "--no-color",
                ], in: report.path)
            #expect(run.status == 0, "schemathesis found problems:\n\(run.output.suffix(20_000))")
            #expect(
                centre.process?.isRunning == true, "the centre died under schemathesis: \(centre.logText.suffix(4_000))"
            )
        } cleanup: {
            try? await centre.stop()
            await centre.remove()
        }
    }

    @Test("both servers answer /metrics in Prometheus' text with their requests counted by route template")
    func metrics() async throws {
        var centre = try await CentreProcess.make(store: .sqlite, terminals: [], people: 3)
        try await withCleanup {
            try await centre.start()
            _ = try await Self.call(
                centre, "POST", "/console/api/session", #"{"id":"nobody","password":"wrong-one-1"}"#)
            let text = try await CommandRun.standardOutput(of: [
                "/usr/bin/curl", "-sS", "--cacert", centre.file("ca.pem"), centre.url + "/metrics",
            ])
            #expect(text.contains("# TYPE hb_requests counter"), "\(text.prefix(2000))")
            #expect(text.contains(#"hb_requests{"#) && text.contains(#"/console/api/session"#), "\(text.prefix(2000))")
            #expect(!text.contains("nobody"), "no id a person typed is a label")
        } cleanup: {
            try? await centre.stop()
            await centre.remove()
        }
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID()).sqlite").path
        let terminal = try await ServiceProcess.start(database: database, arguments: ["--demo"])
        try await withCleanup {
            let client = APIClient(port: terminal.port)
            _ = try await client.send("GET", "/api/health")
            let text = try await CommandRun.standardOutput(of: [
                "/usr/bin/curl", "-sS", "http://127.0.0.1:\(terminal.port)/metrics",
            ])
            #expect(text.contains(#"hb_requests{"#) && text.contains("/api/health"), "\(text.prefix(2000))")
        } cleanup: {
            try await terminal.kill()
        }
    }

    static var document: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Centre/openapi-centre.yaml")
    }

    /// One call with curl, trusting the test CA: (status, body).
    static func call(
        _ centre: CentreProcess, _ method: String, _ path: String, _ body: String, token: String? = nil
    ) async throws
        -> (status: Int, body: String)
    {
        let authorization = token.map { ["-H", "Authorization: Bearer \($0)"] } ?? []
        let output = try await CommandRun.standardOutput(
            of: [
                "/usr/bin/curl", "-sS", "--cacert", centre.file("ca.pem"), "-X", method, "-H",
                "Content-Type: application/json", "--data", body, "-w", "\n%{http_code}", centre.url + path,
            ] + authorization)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }
}

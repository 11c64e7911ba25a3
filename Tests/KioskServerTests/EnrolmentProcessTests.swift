import Foundation
import TestSupport
import Testing

/// Terminal enrolment between real processes: `sskiosk centre enrolment-code` at a real
/// `centre serve`, `sskiosk enrol` on the terminal, then `sskiosk serve` syncing with nothing but
/// what enrolment left, its documents' signatures checked by the centre with the enrolled key, and
/// revocation and rotation taking effect. On the centre's SQLite and PostgreSQL stores.
@Suite("Terminal enrolment between real processes", .serialized)
struct EnrolmentProcessTests {
    static func mode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1
    }

    /// The outcome and signature check of a QR code verified through the terminal's API at its centre.
    static func verify(_ qr: String, _ clerk: APIClient) async throws -> (outcome: String?, signatureChecked: Bool?) {
        let (code, data) = try await clerk.send("POST", "/api/documents/verify", json: ["qr": qr])
        let body = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        #expect(code == 200, "\(body)")
        return (body["outcome"] as? String, body["signatureChecked"] as? Bool)
    }

    /// A proof of insurance signed with `key` under key id `keyID`, rendered to PDF and scanned back.
    static func signedCode(key: String, keyID: String, _ centre: CentreProcess) async throws -> String {
        let pdf = centre.file("proof-\(UUID()).pdf")
        try await centre.sskiosk([
            "document", "render", "proof", "--demo", "-o", pdf, "--signing-key", key, "--key-id", keyID,
        ])
        let page = try await Poppler.rasterise(pdf, resolution: 300, page: 1, into: centre.directory, name: "page")
        let codes = try await Poppler.qrCodes(in: try #require(page.first))
        return try #require(codes.first { $0.hasPrefix("SSK1:") }, "\(codes)")
    }

    @Test(
        "an enrolled terminal syncs with what enrolment left, the centre checks its signatures; a code works once; revoke ends and rotate renews",
        arguments: SyncProcessTests.stores)
    func enrolSyncRevokeRotate(store: CentreProcess.Store) async throws {
        try await SyncProcessTests.withCentre(store, terminals: []) { centre in
            let directory = centre.file("T-9-enrolment")
            let code = try await centre.enrolmentCode("T-9")
            #expect(try await centre.enrol(code: code, into: directory).contains("enrolled as T-9"))
            for secret in ["terminal.key", "document.key", "token"] {
                #expect(try Self.mode(directory + "/" + secret) == 0o600, "\(secret)")
            }
            #expect(try Self.mode(directory) == 0o700)
            #expect(!(try String(contentsOfFile: centre.log.path, encoding: .utf8)).contains(code))

            // The same code again: refused, and nothing written.
            let second = centre.file("T-9-again")
            await #expect(throws: (any Error).self) { try await centre.enrol(code: code, into: second) }
            #expect(!FileManager.default.fileExists(atPath: second + "/token"))

            let arguments = centre.enrolledTerminalArguments("T-9", directory: directory)
            var terminal = try await SyncProcessTests.startTerminal("T-9", centre, arguments: arguments)
            try await withCleanup {
                var clerk = try await SyncProcessTests.clerk(terminal)
                _ = try await SyncProcessTests.waitFor("the first load", clerk) { ($0["cacheLoaded"] as? Bool) == true }
                let people = try await SyncProcessTests.people(centre, id: "T-9")
                #expect(!people.isEmpty)

                // Signed with the enrolled key: the centre checks the signature itself (not yet registered).
                let signed = try await Self.signedCode(key: directory + "/document.key", keyID: "T-9", centre)
                #expect(try await Self.verify(signed, clerk) == ("unregistered", true))
                // The same key id with another key: not T-9's signature.
                let stranger = centre.file("stranger.key")
                try PrivateFile.write(
                    Data((String(repeating: "5a", count: 32) + "\n").utf8), to: URL(fileURLWithPath: stranger))
                let forged = try await Self.signedCode(key: stranger, keyID: "T-9", centre)
                #expect(try await Self.verify(forged, clerk) == ("altered", true))

                // Revoked: its pushes are refused and its writes wait.
                try await centre.sskiosk(["centre", "terminal", "revoke"] + centre.storeArguments + ["T-9"])
                let written = try #require(
                    await SyncProcessTests.submit(clerk, kind: "training-sign-up", idNumber: people[0]))
                let refused = try await SyncProcessTests.waitFor("refused pushes", clerk) {
                    (($0["link"] as? [String: Any])?["pushFailures"] as? Int ?? 0) > 1
                }
                #expect(SyncProcessTests.pending(refused) == 1)
                // Its status says why, in the centre's own words: revoked, ask for a new code.
                let why = try #require((refused["link"] as? [String: Any])?["lastError"] as? String)
                #expect(why.contains("terminal-revoked") && why.contains("new enrolment code"), "\(why)")
                #expect(try await SyncProcessTests.centreApplications(centre, terminal: "T-9").isEmpty)

                // Rotated: a new code, enrolled into the same directory, and the writes arrive.
                let rotation = try await centre.enrolmentCode("T-9", rotate: true)
                #expect(rotation != code)
                try await centre.enrol(code: rotation, into: directory)
                try await terminal.kill()
                terminal = try await SyncProcessTests.startTerminal("T-9", centre, arguments: arguments)
                clerk = try await SyncProcessTests.clerk(terminal)
                _ = try await SyncProcessTests.waitFor("the drain", clerk) { SyncProcessTests.pending($0) == 0 }
                #expect(try await SyncProcessTests.centreApplications(centre, terminal: "T-9") == [written])
                // The key enrolled anew signs now; the first one no longer does.
                #expect(try await Self.verify(signed, clerk) == ("altered", true))
            } cleanup: {
                try await terminal.kill()
            }
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The kiosk page's heartbeat, which the kiosk shell's launcher reads to restart a dead page.
@Suite("The kiosk page's heartbeat: the page posts, the watchdog reads the age")
struct KioskHeartbeatAPITests {
    @Test("404 before the first beat, then the last page's id and its age in whole seconds")
    func lastBeatAndAge() async throws {
        let terminal = try TestTerminal.make()
        try await terminal.terminal.application(watchCards: false).test(.router) { client in
            let api = StaffAPITests.Client(client: client)
            #expect(try await api.call(.get, "/api/kiosk/heartbeat").status == 404)

            // The test clock runs on from real time: an age may also count the seconds the calls took.
            var started = ContinuousClock.now
            #expect(try await api.call(.post, "/api/kiosk/heartbeat", json: #"{"page":"page-first"}"#).status == 204)
            terminal.clock.advance(by: 42)
            let old = try await api.call(.get, "/api/kiosk/heartbeat")
            #expect(old.status == 200)
            #expect(old.body["page"] as? String == "page-first")
            #expect(
                (42...42 + Self.wholeSeconds(since: started)).contains(old.body["ageSeconds"] as? Int ?? -1),
                "\(old.text)")

            started = ContinuousClock.now
            #expect(try await api.call(.post, "/api/kiosk/heartbeat", json: #"{"page":"page-second"}"#).status == 204)
            let fresh = try await api.call(.get, "/api/kiosk/heartbeat")
            #expect(fresh.body["page"] as? String == "page-second")
            #expect(
                (0...Self.wholeSeconds(since: started)).contains(fresh.body["ageSeconds"] as? Int ?? -1),
                "\(fresh.text)")
        }
    }

    /// The real seconds since `start`, rounded up: how far the test clock may have run on by itself.
    static func wholeSeconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds) + 1
    }

    @Test("a malformed page id or a body that is not JSON is refused and changes nothing")
    func badBeats() async throws {
        let terminal = try TestTerminal.make()
        try await terminal.terminal.application(watchCards: false).test(.router) { client in
            let api = StaffAPITests.Client(client: client)
            #expect(try await api.call(.post, "/api/kiosk/heartbeat", json: #"{"page":"kept"}"#).status == 204)
            for page in ["", String(repeating: "a", count: 65), "a b", "<script>", "页面"] {
                let refused = try await api.call(.post, "/api/kiosk/heartbeat", json: #"{"page":"\#(page)"}"#)
                #expect(refused.status == 422, "\(page): \(refused.text)")
                #expect(refused.body["code"] as? String == "invalid-page")
            }
            #expect(try await api.call(.post, "/api/kiosk/heartbeat", json: #"{}"#).status == 400)
            let plain = try await client.execute(
                uri: "/api/kiosk/heartbeat", method: .post, body: ByteBuffer(string: #"{"page":"plain"}"#))
            #expect(plain.status.code >= 400)
            #expect(try await api.call(.get, "/api/kiosk/heartbeat").body["page"] as? String == "kept")
        }
    }
}

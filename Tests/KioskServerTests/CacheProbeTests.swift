import Testing

@testable import KioskServer

@Suite("A caller who may not read a person cannot learn whether the number is in the cache")
struct CacheProbeTests {
    /// A valid ID number (its check character right) that the test terminal's cache does not hold.
    static let absent = "110101199003070010"

    @Test func theAnswerIsTheSameForANumberHeldAndOneNot() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            try await terminal.insertResidentCard()
            let session = try await api.call(.post, "/api/session/pin", json: #"{"pin":"123456"}"#)
            let resident = try #require(session.body["token"] as? String, "\(session.text)")
            let callers = [
                ("technician", try await api.login("technician1")), ("auditor", try await api.login("auditor1")),
                ("resident", resident),
            ]
            for (name, token) in callers {
                for path in ["", "/contributions"] {
                    let held = try await api.call(.get, "/api/people/\(terminal.here.idNumber)\(path)", token: token)
                    let notHeld = try await api.call(.get, "/api/people/\(Self.absent)\(path)", token: token)
                    #expect(held.status == 403, "\(name) \(path): \(held.text)")
                    #expect(held.status == notHeld.status && held.text == notHeld.text, "\(name) \(path)")
                }
            }
        }
    }
}

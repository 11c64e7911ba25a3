import Foundation
import Hummingbird
import Testing

@testable import KioskServer

@Suite("A caller who may not read a person cannot learn whether the number is in the cache")
struct CacheProbeTests {
    /// A valid ID number (its check character right) that the test terminal's cache does not hold.
    static let absent = "110101199003070010"

    @Test func theAnswerIsTheSameForANumberHeldAndOneNot() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            for (name, token) in try await api.callersWithoutAccess(terminal) {
                for path in ["", "/contributions"] {
                    let held = try await api.call(.get, "/api/people/\(terminal.here.idNumber)\(path)", token: token)
                    let notHeld = try await api.call(.get, "/api/people/\(Self.absent)\(path)", token: token)
                    #expect(held.status == 403, "\(name) \(path): \(held.text)")
                    #expect(held.status == notHeld.status && held.text == notHeld.text, "\(name) \(path)")
                }
            }
        }
    }

    /// Applications and cards named by id or number on the desk's routes, and the records a desk
    /// print names: a caller whose role may not act gets the same refusal whether the record is
    /// held or not.
    @Test func recordsNamedByNumberAreRefusedAlikeHeldOrNot() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            let here = terminal.here.idNumber
            let submitted = try await api.call(
                .post, "/api/applications", token: clerk,
                json: #"{"kind":"employment-registration","idNumber":"\#(here)"}"#)
            let application = try #require(submitted.body["id"] as? String, "\(submitted.text)")
            try await api.requestCard("CARD-HELD", for: here, token: clerk)
            let callers = try await api.callersWithoutAccess(terminal)
            // (method, URI, body) for the record held and for one that is not.
            typealias Call = (HTTPRequest.Method, String, String?)
            func print(_ document: String, _ field: String, _ value: String) -> Call {
                (.post, "/api/print", #"{"key":"probe","document":"\#(document)","\#(field)":"\#(value)"}"#)
            }
            var pairs: [(Call, Call)] = [
                (
                    (.post, "/api/applications/\(application)/status", #"{"status":"withdrawn"}"#),
                    (.post, "/api/applications/T1-999/status", #"{"status":"withdrawn"}"#)
                ),
                ((.get, "/api/cards/CARD-HELD", nil), (.get, "/api/cards/CARD-NONE", nil)),
                (
                    print("application-receipt", "applicationId", application),
                    print("application-receipt", "applicationId", "T1-999")
                ),
                (print("card-face", "cardNumber", "CARD-HELD"), print("card-face", "cardNumber", "CARD-NONE")),
                (print("proof-of-insurance", "idNumber", here), print("proof-of-insurance", "idNumber", Self.absent)),
            ]
            for status in ["issued", "active", "lost", "cancelled"] {
                pairs.append(
                    (
                        (.post, "/api/cards/CARD-HELD/status", #"{"status":"\#(status)"}"#),
                        (.post, "/api/cards/CARD-NONE/status", #"{"status":"\#(status)"}"#)
                    ))
            }
            for (name, token) in callers {
                for (held, absent) in pairs {
                    let heldAnswer = try await api.call(held.0, held.1, token: token, json: held.2)
                    let absentAnswer = try await api.call(absent.0, absent.1, token: token, json: absent.2)
                    #expect(heldAnswer.status == 403, "\(name) \(held.1): \(heldAnswer.text)")
                    #expect(
                        heldAnswer.status == absentAnswer.status && heldAnswer.text == absentAnswer.text,
                        "\(name) \(held.1) \(held.2 ?? ""): \(heldAnswer.text) against \(absentAnswer.text)")
                }
            }
        }
    }
}

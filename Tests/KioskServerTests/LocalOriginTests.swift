import CardSimulator
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import KioskServer

@Suite("Another website in the terminal's browser cannot use its API, nor can a rebound name")
struct LocalOriginTests {
    struct Attempt: Sendable {
        var headers: [String: String]
        var body: String = #"{"pin":"000000"}"#
    }

    /// Sends a wrong PIN for the inserted card with `attempt`'s headers; returns the answer's status
    /// and code and the card's PIN tries afterwards.
    static func tryPIN(_ attempt: Attempt) async throws -> (status: Int, code: String?, triesLeft: Int?) {
        let terminal = try TestTerminal.make()
        try await terminal.seed()
        try await terminal.insertResidentCard()
        let (status, code) = try await terminal.terminal.application(watchCards: false).test(.router) { client in
            var headers = HTTPFields()
            for (name, value) in attempt.headers { headers[HTTPField.Name(name)!] = value }
            let response = try await client.execute(
                uri: "/api/session/pin", method: .post, headers: headers, body: ByteBuffer(string: attempt.body))
            let body = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any]
            return (Int(response.status.code), body?["code"] as? String)
        }
        return (status, code, terminal.kioskSlot.card?.image.pinTriesLeft)
    }

    static let own = "http://127.0.0.1:8080"
    static let json = ["Content-Type": "application/json"]

    @Test func theTerminalsOwnPageSpendsATryAsItShould() async throws {
        let answer = try await Self.tryPIN(
            Attempt(headers: Self.json.merging(["Origin": Self.own, "Sec-Fetch-Site": "same-origin"]) { $1 }))
        #expect(answer.status == 401 && answer.code == "wrong-pin")
        #expect(answer.triesLeft == 2)
    }

    @Test(arguments: [
        // A form or a no-cors fetch from any site: text/plain needs no preflight.
        (["Content-Type": "text/plain"], 415, "json-only"),
        (["Content-Type": "application/x-www-form-urlencoded"], 415, "json-only"),
        ([String: String](), 415, "json-only"),
        // A page of another site, or of another port on this machine, that got JSON through somehow.
        (["Content-Type": "application/json", "Origin": "http://evil.example"], 403, "foreign-origin"),
        (["Content-Type": "application/json", "Origin": "http://127.0.0.1:9999"], 403, "foreign-origin"),
        (["Content-Type": "application/json", "Sec-Fetch-Site": "cross-site"], 403, "foreign-origin"),
        (["Content-Type": "application/json", "Sec-Fetch-Site": "same-site"], 403, "foreign-origin"),
        // DNS rebinding: the attacker's name now points at 127.0.0.1.
        (["Content-Type": "application/json", "Host": "evil.example:8080"], 403, "foreign-host"),
    ])
    func anAttackSpendsNoTry(headers: [String: String], status: Int, code: String) async throws {
        let answer = try await Self.tryPIN(Attempt(headers: headers))
        #expect(answer.status == status)
        #expect(answer.code == code)
        #expect(answer.triesLeft == 3, "the card's PIN tries were spent")
    }

    @Test func hostNamesAndOriginsComeFromTheConfiguration() {
        var configuration = KioskServerConfiguration(
            host: "127.0.0.1", port: 8080, residentReader: "R", deskReader: "R", documentQueue: "A4",
            cardQueue: "card")
        configuration.extraHostNames = ["desk-07.township.lan"]
        #expect(configuration.origins.contains("http://127.0.0.1:8080"))
        #expect(configuration.origins.contains("http://[::1]:8080"))
        #expect(configuration.origins.contains("http://desk-07.township.lan:8080"))
        #expect(LocalOriginMiddleware<BasicRequestContext>.hostName(of: "[::1]:8080") == "::1")
        #expect(LocalOriginMiddleware<BasicRequestContext>.hostName(of: "LocalHost:8080") == "localhost")
    }
}

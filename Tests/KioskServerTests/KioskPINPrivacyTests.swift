import CardTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import Logging
import Testing

@testable import KioskServer

/// The kiosk's PIN routes leave the PIN nowhere: not in the request's buffer, not in the command
/// buffers the card was sent, not in a log line at any level.
@Suite("Kiosk: a PIN leaves no trace in buffers or logs")
struct KioskPINPrivacyTests {
    static let wrongPIN = "908172"
    static let newPIN = "246813"

    /// Posts `json` to `uri` and returns the answer with the body buffer as the server was given it.
    static func post(_ client: some TestClientProtocol, _ uri: String, json: String, token: String? = nil)
        async throws -> (status: HTTPResponse.Status, sent: ByteBuffer, answer: [String: Any])
    {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let token { headers[.authorization] = "Bearer \(token)" }
        let sent = ByteBuffer(string: json)
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: sent)
        let answer = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any]
        return (response.status, sent, answer ?? [:])
    }

    /// The PINs the journey types.
    static let pins = [wrongPIN, CardFixtures.pin, newPIN, "12a456"]

    /// A wrong PIN, the right one, a change, and a change with a PIN that is none; the requests as sent.
    static func journey(_ client: some TestClientProtocol, _ terminal: TestTerminal) async throws
        -> [(status: HTTPResponse.Status, sent: ByteBuffer, answer: [String: Any])]
    {
        try await terminal.insertResidentCard()
        let wrong = try await post(client, "/api/session/pin", json: #"{"pin":"\#(wrongPIN)"}"#)
        #expect(wrong.status == .unauthorized)
        let right = try await post(client, "/api/session/pin", json: #"{"pin":"\#(CardFixtures.pin)"}"#)
        #expect(right.status == .created)
        let token = try #require(right.answer["token"] as? String)
        let change = try await post(
            client, "/api/me/pin", json: #"{"old":"\#(CardFixtures.pin)","new":"\#(newPIN)"}"#, token: token)
        #expect(change.status == .noContent)
        let malformed = try await post(client, "/api/me/pin", json: #"{"old":"12a456","new":"1"}"#, token: token)
        #expect(malformed.status == .unprocessableContent)
        return [wrong, right, change, malformed]
    }

    @Test("the request bodies and the VERIFY and CHANGE PIN buffers are zeroed once used")
    func buffersAreWiped() async throws {
        let terminal = try TestTerminal.make()
        try await terminal.seed()
        try await terminal.terminal.application(watchCards: false).test(.router) { client in
            // In process, the server reads the very buffer the test sent.
            for request in try await Self.journey(client, terminal) {
                #expect(request.sent.readableBytesView.allSatisfy { $0 == 0 }, "a request body still holds its PIN")
            }
            let sent = try #require(terminal.kioskSlot.sent)
            let carriers = sent.filter { $0.count > 5 && [0x20, 0x5E].contains($0[1]) }
            #expect(carriers.count == 3, "VERIFY twice and CHANGE PIN once")
            for command in carriers {
                #expect(command.dropFirst(4).allSatisfy { $0 == 0 }, "a command buffer still holds a PIN: \(command)")
            }
        }
    }

    @Test("no log line of the server, at any level, holds a PIN")
    func logsHoldNoPIN() async throws {
        let logs = InMemoryLogHandler()
        var logger = Logger(label: "sskiosk.server") { _ in logs }
        logger.logLevel = .trace
        let terminal = try TestTerminal.make(logger: logger)
        try await terminal.seed()
        try await terminal.terminal.application(watchCards: false).test(.live) { client in
            _ = try await Self.journey(client, terminal)
        }
        #expect(logs.entries.count > 8, "the logger heard too little for its silence about PINs to prove anything")
        let lines = logs.entries.map { "\($0.level) \($0.message) \($0.metadata) \(String(describing: $0.error))" }
        for pin in Self.pins {
            #expect(!lines.contains { $0.contains(pin) }, "a log line holds the PIN \(pin)")
        }
    }
}

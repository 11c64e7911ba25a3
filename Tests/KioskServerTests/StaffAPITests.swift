import Foundation
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskServer
import Testing

@Suite("Staff API: sign-in, roles, jurisdiction, separation of duties, error bodies")
struct StaffAPITests {
    struct Client {
        let client: any TestClientProtocol

        func call(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil) async throws
            -> (status: Int, body: [String: Any], text: String)
        {
            var headers = HTTPFields()
            if let token { headers[.authorization] = "Bearer \(token)" }
            if json != nil { headers[.contentType] = "application/json" }
            let response = try await client.execute(
                uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
            let text = String(buffer: response.body)
            let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
            return (Int(response.status.code), object, text)
        }

        func login(_ id: String, password: String = TestTerminal.password) async throws -> String {
            let response = try await call(
                .post, "/api/staff/login", json: #"{"id":"\#(id)","password":"\#(password)"}"#)
            return try #require(response.body["token"] as? String, "login of \(id): \(response.text)")
        }

        /// Callers who may read no one: a technician, an auditor, and the resident whose card goes
        /// into the kiosk, with their tokens.
        func callersWithoutAccess(_ terminal: TestTerminal) async throws -> [(name: String, token: String)] {
            try await terminal.insertResidentCard()
            let session = try await call(.post, "/api/session/pin", json: #"{"pin":"123456"}"#)
            let resident = try #require(session.body["token"] as? String, "\(session.text)")
            return [
                ("technician", try await login("technician1")), ("auditor", try await login("auditor1")),
                ("resident", resident),
            ]
        }

        /// A card `number` applied for `idNumber` by the caller of `token`.
        func requestCard(_ number: String, for idNumber: String, token: String) async throws {
            let made = try await call(
                .post, "/api/cards", token: token, json: #"{"cardNumber":"\#(number)","idNumber":"\#(idNumber)"}"#)
            #expect(made.status == 201, "\(made.text)")
        }
    }

    func withAPI(_ body: @escaping @Sendable (Client, TestTerminal) async throws -> Void) async throws {
        let terminal = try TestTerminal.make()
        try await terminal.seed()
        try await terminal.terminal.application(watchCards: false).test(.router) { client in
            try await body(Client(client: client), terminal)
        }
    }

    @Test("wrong passwords are refused alike, five lock the account; errors come in both languages")
    func loginAndLockout() async throws {
        try await withAPI { api, _ in
            let unknown = try await api.call(.post, "/api/staff/login", json: #"{"id":"nobody","password":"x"}"#)
            let wrong = try await api.call(.post, "/api/staff/login", json: #"{"id":"clerk1","password":"x"}"#)
            #expect(unknown.status == 401 && wrong.status == 401)
            #expect(unknown.body["code"] as? String == wrong.body["code"] as? String)
            #expect((wrong.body["messageChinese"] as? String)?.isEmpty == false)
            for _ in 0..<4 {
                _ = try await api.call(.post, "/api/staff/login", json: #"{"id":"clerk1","password":"x"}"#)
            }
            let locked = try await api.call(
                .post, "/api/staff/login", json: #"{"id":"clerk1","password":"\#(TestTerminal.password)"}"#)
            #expect(locked.status == 423)
            #expect(locked.body["code"] as? String == "account-locked")
            _ = try await api.login("clerk2")
        }
    }

    @Test("a clerk reads people of their jurisdiction only, and each read is on the ledger")
    func jurisdictionAndLedger() async throws {
        try await withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            let here = try await api.call(.get, "/api/people/\(terminal.here.idNumber)", token: clerk)
            #expect(here.status == 200)
            #expect(here.text.contains("张三"))
            let elsewhere = try await api.call(.get, "/api/people/\(terminal.elsewhere.idNumber)", token: clerk)
            #expect(elsewhere.status == 403)
            #expect(elsewhere.body["code"] as? String == "outside-jurisdiction")
            #expect(!elsewhere.text.contains(terminal.elsewhere.idNumber))
            let ledger = try await terminal.store.ledger(from: 1, limit: 100)
            #expect(ledger.contains { $0.action == "person.read" && $0.subject.contains("4301**********1238") })
            #expect(!ledger.contains { "\($0)".contains(terminal.here.idNumber) })
        }
    }

    @Test("technicians and auditors read no personal field anywhere", arguments: ["technician1", "auditor1"])
    func noPersonalDataForTechnicians(id: String) async throws {
        try await withAPI { api, terminal in
            let token = try await api.login(id)
            for uri in [
                "/api/people/\(terminal.here.idNumber)", "/api/people/\(terminal.here.idNumber)/contributions",
                "/api/applications",
            ] {
                let response = try await api.call(.get, uri, token: token)
                #expect(response.status == 403, "\(id) \(uri)")
                #expect(!response.text.contains("张三") && !response.text.contains(terminal.here.idNumber))
            }
            let statistics = try await api.call(.get, "/api/statistics", token: token)
            #expect(statistics.status == 200)
        }
    }

    @Test("the clerk who took an application cannot approve it; a second one for the same service goes to review")
    func applications() async throws {
        try await withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            let supervisor = try await api.login("supervisor1")
            let body =
                #"{"kind":"resident-pension-enrolment","idNumber":"\#(terminal.here.idNumber)","details":{"phone":"13812345678"}}"#
            let taken = try await api.call(.post, "/api/applications", token: clerk, json: body)
            #expect(taken.status == 201)
            let id = try #require(taken.body["id"] as? String)
            let selfApproval = try await api.call(
                .post, "/api/applications/\(id)/status", token: clerk, json: #"{"status":"approved"}"#)
            #expect(selfApproval.status == 403)
            let approval = try await api.call(
                .post, "/api/applications/\(id)/status", token: supervisor, json: #"{"status":"approved"}"#)
            #expect(approval.status == 200)
            #expect(approval.body["approvedBy"] as? String == "supervisor1")
            let second = try await api.call(.post, "/api/applications", token: clerk, json: body)
            #expect(second.body["status"] as? String == "needs-review")
            let badPhone = try await api.call(
                .post, "/api/applications", token: clerk,
                json:
                    #"{"kind":"unemployment-registration","idNumber":"\#(terminal.here.idNumber)","details":{"phone":"123"}}"#
            )
            #expect(badPhone.status == 422)
            #expect(badPhone.body["code"] as? String == "invalid-phone")
            let auditor = try await api.login("auditor1")
            let verify = try await api.call(.get, "/api/ledger/verify", token: auditor)
            #expect(verify.body["intact"] as? Bool == true)
        }
    }

    @Test("no token, a bad token, a malformed body: clear errors, never a 500")
    func badRequests() async throws {
        try await withAPI { api, terminal in
            let anonymous = try await api.call(.get, "/api/people/\(terminal.here.idNumber)")
            #expect(anonymous.status == 401)
            #expect(anonymous.body["code"] as? String == "not-signed-in")
            #expect(try await api.call(.get, "/api/me", token: "forged").status == 401)
            let clerk = try await api.login("clerk1")
            let malformed = try await api.call(.post, "/api/applications", token: clerk, json: "{not json")
            #expect(malformed.status == 400)
            #expect(malformed.body["code"] as? String == "malformed-body")
            let badID = try await api.call(
                .post, "/api/applications", token: clerk,
                json: #"{"kind":"loss-report","idNumber":"430102198507141239"}"#)
            #expect(badID.status == 422)
            #expect(!badID.text.contains("430102198507141239"))
            let session = try await api.call(.get, "/api/session")
            #expect(session.body["state"] as? String == "idle")
        }
    }

    @Test("a staff token ends after the idle lock without a call, as the desk page locks; calls keep it")
    func idleLock() async throws {
        try await withAPI { api, terminal in
            let signedIn = try await api.call(
                .post, "/api/staff/login", json: #"{"id":"clerk1","password":"\#(TestTerminal.password)"}"#)
            let lock = try #require(signedIn.body["idleLockSeconds"] as? Int, "\(signedIn.text)")
            #expect(lock == 300)
            let token = try #require(signedIn.body["token"] as? String)
            // The clock also moves with real time: a minute's margin for a loaded machine.
            for _ in 0..<3 {
                terminal.clock.advance(by: TimeInterval(lock) - 60)
                #expect(try await api.call(.get, "/api/cards", token: token).status == 200)
            }
            terminal.clock.advance(by: TimeInterval(lock) + 1)
            let locked = try await api.call(.get, "/api/cards", token: token)
            #expect(locked.status == 401 && locked.body["code"] as? String == "not-signed-in")
            terminal.clock.advance(by: -TimeInterval(lock))
            #expect(try await api.call(.get, "/api/cards", token: token).status == 401, "an ended token stays ended")
        }
    }
}

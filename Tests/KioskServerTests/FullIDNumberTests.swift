import Foundation
import Hummingbird
import Testing

@Suite("ID numbers masked in every answer; the full one read for a stated purpose, on the ledger")
struct FullIDNumberTests {
    @Test("a clerk's answers carry the number masked, as the desk shows it")
    func answersAreMasked() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            let number = terminal.here.idNumber
            let masked = "4301**********1238"
            let card = try await api.call(
                .post, "/api/cards", token: clerk, json: #"{"cardNumber":"CARD-M","idNumber":"\#(number)"}"#)
            let application = try await api.call(
                .post, "/api/applications", token: clerk,
                json: #"{"kind":"employment-registration","idNumber":"\#(number)"}"#)
            let answers = [
                card, application, try await api.call(.get, "/api/people/\(number)", token: clerk),
                try await api.call(.get, "/api/people/\(number)/contributions", token: clerk),
                try await api.call(.get, "/api/cards/CARD-M", token: clerk),
                try await api.call(.get, "/api/cards?status=applied", token: clerk),
                try await api.call(.get, "/api/applications", token: clerk),
            ]
            for answer in answers {
                #expect(answer.status < 300, "\(answer.text)")
                #expect(answer.text.contains(masked), "\(answer.text)")
                #expect(!answer.text.contains(number), "\(answer.text)")
            }
        }
    }

    @Test("a clerk reads the full number for a purpose; it goes on the ledger with the purpose, masked")
    func clerkReadsForAPurpose() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            let number = terminal.here.idNumber
            try await api.requestCard("CARD-F", for: number, token: clerk)
            let before = try await terminal.store.ledger(from: 1, limit: 1000).count
            let read = try await api.call(
                .post, "/api/cards/CARD-F/id-number", token: clerk, json: #"{"purpose":"paper-form"}"#)
            #expect(read.status == 200, "\(read.text)")
            #expect(read.body["idNumber"] as? String == number)
            #expect(read.body["purpose"] as? String == "paper-form")
            let ledger = try await terminal.store.ledger(from: 1, limit: 1000)
            #expect(ledger.count == before + 1)
            let entry = try #require(ledger.last)
            #expect(entry.action == "person.read-full-id-number")
            #expect(entry.actor == "clerk1")
            #expect(entry.subject == "person:4301**********1238")
            #expect(entry.detail.contains("purpose=paper-form"))
            #expect(!ledger.contains { "\($0)".contains(number) })
        }
    }

    @Test("no purpose or one not on the list is refused, and nothing is read or logged")
    func purposeIsRequired() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            try await api.requestCard("CARD-P", for: terminal.here.idNumber, token: clerk)
            let before = try await terminal.store.ledger(from: 1, limit: 1000).count
            for body in ["{}", #"{"purpose":"curiosity"}"#, #"{"purpose":""}"#] {
                let refused = try await api.call(.post, "/api/cards/CARD-P/id-number", token: clerk, json: body)
                #expect(refused.status == 422, "\(body): \(refused.text)")
                #expect(refused.body["code"] as? String == "invalid-purpose")
                #expect(!refused.text.contains(terminal.here.idNumber))
            }
            #expect(try await terminal.store.ledger(from: 1, limit: 1000).count == before)
        }
    }

    @Test("technicians, auditors and residents are refused alike for a card held or not; a clerk elsewhere too")
    func wrongRolesAreRefused() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            try await api.requestCard("CARD-R", for: terminal.here.idNumber, token: clerk)
            let callers = try await api.callersWithoutAccess(terminal)
            let before = try await terminal.store.ledger(from: 1, limit: 1000).count
            let body = #"{"purpose":"identity-check"}"#
            for (_, token) in callers {
                let held = try await api.call(.post, "/api/cards/CARD-R/id-number", token: token, json: body)
                let absent = try await api.call(.post, "/api/cards/CARD-NONE/id-number", token: token, json: body)
                #expect(held.status == 403 && held.body["code"] as? String == "forbidden", "\(held.text)")
                #expect(held.text == absent.text)
            }
            let elsewhere = try await api.call(
                .post, "/api/cards/CARD-R/id-number", token: try await api.login("clerk-elsewhere"), json: body)
            #expect(elsewhere.status == 403 && elsewhere.body["code"] as? String == "outside-jurisdiction")
            #expect(!elsewhere.text.contains(terminal.here.idNumber))
            let ledger = try await terminal.store.ledger(from: 1, limit: 1000)
            #expect(!ledger.dropFirst(before).contains { $0.action == "person.read-full-id-number" })
        }
    }
}

import CardSimulator
import CardTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import KioskCore
import SocialSecurityCard
import Testing

@testable import KioskServer

@Suite("Desk: a card from intake to activation, a card pulled while written, replacement, ledger and day review")
struct DeskAPITests {
    func withDesk(_ body: @escaping @Sendable (StaffAPITests.Client, TestTerminal) async throws -> Void) async throws {
        let terminal = try TestTerminal.make()
        try await terminal.seed()
        try await terminal.terminal.application(watchCards: false).test(.router) { client in
            try await body(StaffAPITests.Client(client: client), terminal)
        }
    }

    /// A valid card number (check digit and all) for a new card.
    static let cardNumber = try! CardFixtures.person(seed: 21).identity.cardNumber.value

    /// Intake by a clerk, production approved by a supervisor: the card waits to be written.
    func approvedCard(_ api: StaffAPITests.Client, _ terminal: TestTerminal) async throws -> (String, String) {
        let clerk = try await api.login("clerk1")
        let supervisor = try await api.login("supervisor1")
        let intake = try await api.call(
            .post, "/api/cards", token: clerk,
            json: #"{"cardNumber":"\#(Self.cardNumber)","idNumber":"\#(terminal.here.idNumber)"}"#)
        #expect(intake.status == 201, "\(intake.text)")
        let approved = try await api.call(
            .post, "/api/cards/\(Self.cardNumber)/status", token: supervisor, json: #"{"status":"in-production"}"#)
        #expect(approved.status == 200, "\(approved.text)")
        return (clerk, supervisor)
    }

    @Test("the issuance queue holds the jurisdiction's cards in the status asked, and no other's")
    func issuanceQueue() async throws {
        try await withDesk { api, terminal in
            let (clerk, _) = try await approvedCard(api, terminal)
            let queue = try await api.call(.get, "/api/cards?status=in-production", token: clerk)
            #expect(queue.status == 200)
            #expect(queue.text.contains(Self.cardNumber))
            #expect(try await api.call(.get, "/api/cards", token: clerk).text.contains(Self.cardNumber))
            #expect(
                !(try await api.call(.get, "/api/cards?status=ready-at-desk", token: clerk).text.contains(
                    Self.cardNumber)))
            let elsewhere = try await api.login("clerk-elsewhere")
            #expect(!(try await api.call(.get, "/api/cards", token: elsewhere).text.contains(Self.cardNumber)))
            let unknown = try await api.call(.get, "/api/cards?status=misplaced", token: clerk)
            #expect(unknown.status == 422)
        }
    }

    @Test("a field is checked as typed with the words the service refuses a form with")
    func validationAsTyped() async throws {
        try await withDesk { api, terminal in
            let here = terminal.here.idNumber
            let wrongCheck = String(here.dropLast()) + (here.last == "1" ? "2" : "1")
            let cases: [(field: String, value: String, valid: Bool)] = [
                ("id-number", here, true), ("id-number", wrongCheck, false), ("phone", "13800138000", true),
                ("phone", "123", false), ("name", "张三", true), ("name", "", false), ("region-code", "430102", true),
                ("region-code", "990102", false), ("date", "2024-02-29", true), ("date", "2023-02-29", false),
            ]
            for (field, value, valid) in cases {
                let reply = try await api.call(
                    .post, "/api/validate", json: #"{"field":"\#(field)","value":"\#(value)"}"#)
                #expect(reply.status == 200)
                #expect(reply.body["valid"] as? Bool == valid, "\(field) \(value): \(reply.text)")
                #expect((reply.body["messageChinese"] as? String != nil) == !valid)
            }
            let phone = try await api.call(.post, "/api/validate", json: #"{"field":"phone","value":"123"}"#)
            #expect(phone.body["messageChinese"] as? String == "电话号码有误：请填写11位手机号，或带区号的固定电话。")
            #expect(!phone.text.contains(here))
            let unknown = try await api.call(.post, "/api/validate", json: #"{"field":"password","value":"x"}"#)
            #expect(unknown.status == 422)
        }
    }

    @Test("intake, approval, personalisation with progress, card face, issue, activation: each step records who")
    func cardJourney() async throws {
        try await withDesk { api, terminal in
            let (clerk, _) = try await approvedCard(api, terminal)
            terminal.deskSlot.insert(try CardFixtures.image(seed: 21, blank: true))
            let events = try #require(await terminal.terminal.api.events.subscribe())
            let written = try await api.call(
                .post, "/api/cards/\(Self.cardNumber)/personalise", token: clerk,
                json: #"{"pin":"654321","ethnicity":"01"}"#)
            #expect(written.status == 200, "\(written.text)")
            #expect(written.body["status"] as? String == "ready-at-desk")
            #expect((written.body["cardIdentifier"] as? String)?.isEmpty == false)
            var progress: [ServerEvent] = []
            for await event in events where event.type == "personalise-progress" {
                progress.append(event)
                if event.done == event.total { break }
            }
            #expect(progress.count > 3)
            #expect(progress.map { $0.done ?? -1 } == progress.map { $0.done ?? -1 }.sorted())

            // The chip now holds the person, read back with the keys.
            let channel = try terminal.deskSlot.channel()
            let session = try await SocialSecurityCardSession.open(channel)
            let identity = try await session.readIdentity()
            let holder = try await session.readCardholder(of: identity, keys: CardFixtures.keys)
            #expect(holder.socialSecurityNumber.unmaskedValue == terminal.here.idNumber)
            #expect(identity.cardNumber.value == Self.cardNumber)

            let face = try await api.call(
                .post, "/api/print", token: clerk,
                json: #"{"key":"face-1","document":"card-face","cardNumber":"\#(Self.cardNumber)"}"#)
            #expect(face.status == 201, "\(face.text)")
            #expect(terminal.printer.submissions.last?.target == .queue("rig-card"))
            #expect(terminal.printer.submissions.last?.options.media == "custom_cr80_85.6x53.98mm")
            // Two people for a new card: the clerk who wrote it neither issues nor starts it.
            let colleague = try await api.login("clerk2")
            for status in ["issued", "active"] {
                let own = try await api.call(
                    .post, "/api/cards/\(Self.cardNumber)/status", token: clerk, json: #"{"status":"\#(status)"}"#)
                #expect(own.status == 403, "\(own.text)")
                #expect(own.body["code"] as? String == "separation-of-duties")
                let moved = try await api.call(
                    .post, "/api/cards/\(Self.cardNumber)/status", token: colleague, json: #"{"status":"\#(status)"}"#)
                #expect(moved.status == 200, "\(moved.text)")
            }
            let card = try #require(try await terminal.store.cardRecord(Self.cardNumber))
            #expect(card.status == .active)
            #expect(card.actor(of: .applied) == "clerk1")
            #expect(card.actor(of: .inProduction) == "supervisor1")
            #expect(card.actor(of: .readyAtDesk) == "clerk1")
            #expect(card.actor(of: .issued) == "clerk2")
            let ledger = try await terminal.store.ledger(from: 1, limit: 200)
            #expect(ledger.contains { $0.action == "card.personalise" && $0.actor == "clerk1" })
            #expect(ledger.contains { $0.action == "document.print" && $0.detail.contains("card-face") })
        }
    }

    @Test(
        "the card's items: birthplace from the ID number, expiry on the issue day years on, 29 February kept in range")
    func personalisationRecord() throws {
        let movedAway = KioskCore.Person(
            idNumber: "11010519491231002X", name: "李四", sex: .female,
            birthDate: try CardDate(year: 1949, month: 12, day: 31), regionCode: "430102001001")
        let leapDay = DeskCardWriter.Job(
            person: movedAway, cardNumber: "A12345678", ethnicity: .han,
            issued: try CardDate(year: 2024, month: 2, day: 29), yearsValid: 10)
        let record = try leapDay.record()
        #expect(record.birthplace == "110105")
        #expect(record.initialisingBody == "430102000000")
        #expect(record.issueDate == "2024-02-29")
        #expect(record.expiryDate == "2034-02-28")
        var ordinary = leapDay
        ordinary.issued = try CardDate(year: 2026, month: 11, day: 23)
        #expect(try ordinary.record().expiryDate == "2036-11-23")
    }

    @Test("the card in the desk reader shows staff whether it is blank and what is odd about it")
    func deskReaderCard() async throws {
        try await withDesk { api, terminal in
            let clerk = try await api.login("clerk1")
            terminal.deskSlot.insert(try CardFixtures.image(seed: 21, blank: true))
            let blank = try await api.call(.get, "/api/desk/card", token: clerk)
            #expect(blank.status == 200, "\(blank.text)")
            #expect(blank.body["blank"] as? Bool == true)
            #expect(blank.body["warnings"] as? [String] == [])

            terminal.deskSlot.insert(try CardFixtures.image(seed: 21, cardNumber: "AI666666X"))
            let odd = try await api.call(.get, "/api/desk/card", token: clerk)
            #expect(odd.status == 200, "\(odd.text)")
            #expect(odd.body["blank"] as? Bool == false)
            #expect(odd.body["cardNumber"] as? String == "AI666666X")
            let warnings = try #require(odd.body["warnings"] as? [String])
            #expect(warnings.count == 1 && warnings[0].contains("check character"))

            #expect(try await api.call(.get, "/api/desk/card").status == 401)
        }
    }

    @Test("a card pulled while written: a clear error, the record unchanged; put back, the job carries on")
    func pulledMidway() async throws {
        try await withDesk { api, terminal in
            let (clerk, _) = try await approvedCard(api, terminal)
            terminal.deskSlot.insert(
                try CardFixtures.image(seed: 21, blank: true), faults: FaultPlan(removeBeforeAPDU: 12))
            let pulled = try await api.call(
                .post, "/api/cards/\(Self.cardNumber)/personalise", token: clerk,
                json: #"{"pin":"654321","ethnicity":"01"}"#)
            #expect(pulled.status == 409, "\(pulled.text)")
            #expect(pulled.body["code"] as? String == "personalisation-interrupted")
            let unchanged = try #require(try await terminal.store.cardRecord(Self.cardNumber))
            #expect(unchanged.status == .inProduction)
            #expect(unchanged.cardIdentifier == nil)
            terminal.deskSlot.reinsert()
            let resumed = try await api.call(
                .post, "/api/cards/\(Self.cardNumber)/personalise", token: clerk,
                json: #"{"pin":"654321","ethnicity":"01"}"#)
            #expect(resumed.status == 200, "\(resumed.text)")
            #expect(resumed.body["status"] as? String == "ready-at-desk")
        }
    }

    @Test("a lost card is replaced by a new one in one step; the ledger lists it masked; a supervisor reviews the day")
    func replacementLedgerReview() async throws {
        try await withDesk { api, terminal in
            let (clerk, supervisor) = try await approvedCard(api, terminal)
            for status in ["ready-at-desk", "issued", "lost"] {
                _ = try await api.call(
                    .post, "/api/cards/\(Self.cardNumber)/status", token: supervisor, json: #"{"status":"\#(status)"}"#)
            }
            let replacement = try await api.call(
                .post, "/api/cards/\(Self.cardNumber)/replacement", token: clerk, json: #"{"newCardNumber":"NEW-1"}"#)
            #expect(replacement.status == 201, "\(replacement.text)")
            #expect(replacement.body["status"] as? String == "applied")
            #expect(try await terminal.store.cardRecord(Self.cardNumber)?.status == .replaced)

            let auditor = try await api.login("auditor1")
            let ledger = try await api.call(.get, "/api/ledger?from=1&limit=500", token: auditor)
            #expect(ledger.status == 200)
            #expect(ledger.text.contains("4301**********1238"))
            #expect(!ledger.text.contains(terminal.here.idNumber) && !ledger.text.contains(terminal.here.name))

            let review = try await api.call(.get, "/api/review", token: supervisor)
            #expect(review.status == 200, "\(review.text)")
            #expect(review.body["ledgerIntact"] as? Bool == true)
            #expect(try await api.call(.get, "/api/review", token: clerk).status == 403)
            let signed = try await api.call(.post, "/api/review", token: supervisor, json: #"{"day":"2026-11-23"}"#)
            #expect(signed.status == 204)
            let entries = try await terminal.store.ledger(from: 1, limit: 500)
            #expect(entries.contains { $0.action == "day.review" && $0.actor == "supervisor1" })
        }
    }
}

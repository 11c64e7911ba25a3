import Foundation
import Hummingbird
import HummingbirdTesting
import KioskCore
import Printing
import TestSupport
import Testing

@testable import KioskServer

@Suite("Print requests: documents rendered and printed once per key, their state and the printer's news")
struct PrintAPITests {
    func withResident(
        _ body: @escaping @Sendable (StaffAPITests.Client, TestTerminal, String) async throws -> Void
    ) async throws {
        let terminal = try TestTerminal.make()
        try await terminal.seed()
        try await terminal.terminal.application(watchCards: false).test(.router) { client in
            let api = StaffAPITests.Client(client: client)
            try await terminal.insertResidentCard()
            let session = try await api.call(.post, "/api/session/pin", json: #"{"pin":"123456"}"#)
            let token = try #require(session.body["token"] as? String, "\(session.text)")
            try await body(api, terminal, token)
        }
    }

    /// Polls the job's status until it is in `state`.
    func waitFor(_ state: String, key: String, _ api: StaffAPITests.Client, token: String) async throws
        -> [String: Any]
    {
        for _ in 0..<200 {
            let status = try await api.call(.get, "/api/print/\(key)", token: token)
            if status.body["state"] as? String == state { return status.body }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("job \(key) never reached \(state)")
        return [:]
    }

    @Test("a resident's proof of insurance prints once however often the request is retried, and completes")
    func printsOnce() async throws {
        try await withResident { api, terminal, token in
            let events = try #require(await terminal.terminal.api.events.subscribe())
            let request = #"{"key":"proof-1","document":"proof-of-insurance"}"#
            let first = try await api.call(.post, "/api/me/print", token: token, json: request)
            #expect(first.status == 201, "\(first.text)")
            #expect(first.body["queue"] as? String == "rig-a4")
            let again = try await api.call(.post, "/api/me/print", token: token, json: request)
            #expect(again.status == 200)
            #expect(again.body["printerJobID"] as? Int == first.body["printerJobID"] as? Int)
            #expect(terminal.printer.submissions.count == 1)
            let submission = try #require(terminal.printer.submissions.first)
            #expect(submission.key == "T1-proof-1")
            #expect(submission.target == .queue("rig-a4"))
            #expect(submission.options.media == "iso_a4_210x297mm")
            #expect(submission.document.pdf.starts(with: Array("%PDF-".utf8)))
            #expect(!submission.document.title.contains(terminal.resident.name))
            let done = try await waitFor("completed", key: "proof-1", api, token: token)
            #expect((done["messageChinese"] as? String)?.contains("打印完成") == true)
            var seen: [ServerEvent] = []
            for await event in events where event.type == "print-job" {
                seen.append(event)
                if event.state == "completed" { break }
            }
            #expect(seen.first?.job == "proof-1")
            let ledger = try await terminal.store.ledger(from: 1, limit: 100)
            #expect(ledger.filter { $0.action == "document.print" }.count == 1)
        }
    }

    @Test("a printer fault shows as waiting, with the resident's and the technician's message")
    func waitingOnAFault() async throws {
        try await withResident { api, terminal, token in
            terminal.printer.set(
                .processing,
                printer: PrinterStatus(state: .stopped, reasons: [StateReason("media-empty-error")], message: "Out"))
            let first = try await api.call(
                .post, "/api/me/print", token: token, json: #"{"key":"stmt-1","document":"contribution-statement"}"#)
            #expect(first.status == 201, "\(first.text)")
            let waiting = try await waitFor("waiting", key: "stmt-1", api, token: token)
            #expect(waiting["messageChinese"] as? String == PrinterFault.mediaEmpty.residentMessage.zh)
            #expect((waiting["technicianMessage"] as? String)?.contains("media empty") == true)
            terminal.printer.set(.completed)
            _ = try await waitFor("completed", key: "stmt-1", api, token: token)
        }
    }

    @Test("a resident prints the receipt of their own application only; a key in use by another is refused")
    func receiptsAndKeys() async throws {
        try await withResident { api, terminal, token in
            let applied = try await api.call(
                .post, "/api/me/applications", token: token, json: #"{"kind":"employment-registration"}"#)
            let id = try #require(applied.body["id"] as? String, "\(applied.text)")
            let receipt = try await api.call(
                .post, "/api/me/print", token: token,
                json: #"{"key":"r-1","document":"application-receipt","applicationId":"\#(id)"}"#)
            #expect(receipt.status == 201, "\(receipt.text)")
            let clerk = try await api.login("clerk1")
            let other = try await api.call(
                .post, "/api/applications", token: clerk,
                json: #"{"kind":"training-sign-up","idNumber":"\#(terminal.here.idNumber)"}"#)
            let otherID = try #require(other.body["id"] as? String)
            let notMine = try await api.call(
                .post, "/api/me/print", token: token,
                json: #"{"key":"r-2","document":"application-receipt","applicationId":"\#(otherID)"}"#)
            #expect(notMine.status == 403)
            let cardFace = try await api.call(
                .post, "/api/me/print", token: token, json: #"{"key":"r-3","document":"card-face","cardNumber":"X"}"#)
            #expect(cardFace.status == 403)
            let taken = try await api.call(
                .post, "/api/print", token: clerk,
                json: #"{"key":"r-1","document":"application-receipt","applicationId":"\#(otherID)"}"#)
            #expect(taken.status == 409)
            #expect(taken.body["code"] as? String == "print-key-taken")
            #expect(terminal.printer.submissions.count == 1)
        }
    }

    @Test("a resident's receipt goes on the kiosk's roll cut to its length; the desk's copy of it goes on A4")
    func receiptOnTheRoll() async throws {
        try await withResident { api, terminal, token in
            let applied = try await api.call(
                .post, "/api/me/applications", token: token, json: #"{"kind":"employment-registration"}"#)
            let id = try #require(applied.body["id"] as? String, "\(applied.text)")
            let mine = try await api.call(
                .post, "/api/me/print", token: token,
                json: #"{"key":"roll-1","document":"application-receipt","applicationId":"\#(id)"}"#)
            #expect(mine.status == 201, "\(mine.text)")
            #expect(mine.body["queue"] as? String == "rig-receipt")
            let roll = try #require(terminal.printer.submissions.last)
            #expect(roll.target == .queue("rig-receipt"))
            let media = try #require(roll.options.media)
            let length = try #require(
                media.hasPrefix("Custom.80x") && media.hasSuffix("mm")
                    ? Double(media.dropFirst("Custom.80x".count).dropLast(2)) : nil, "\(media)")
            // The page is as long as the receipt: shorter than the roll's default 297 mm, longer than its header.
            #expect(length > 60 && length < 297, "\(media)")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("roll-\(UUID()).pdf")
            try Data(roll.document.pdf).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let page = try await Poppler.info(of: file.path)
            #expect(abs(page.width - 80 * 72 / 25.4) < 0.1)
            // The media asked for is the page, rounded up to a hundredth of a millimetre.
            #expect(length >= page.height * 25.4 / 72 && length - page.height * 25.4 / 72 < 0.011, "\(media)")

            let clerk = try await api.login("clerk1")
            let desk = try await api.call(
                .post, "/api/print", token: clerk,
                json: #"{"key":"a4-1","document":"application-receipt","applicationId":"\#(id)"}"#)
            #expect(desk.status == 201, "\(desk.text)")
            let a4 = try #require(terminal.printer.submissions.last)
            #expect(a4.target == .queue("rig-a4"))
            #expect(a4.options.media == "iso_a4_210x297mm")
        }
    }

    @Test("staff print the day's ledger; a card face needs a personalised card")
    func deskDocuments() async throws {
        try await withResident { api, terminal, _ in
            let clerk = try await api.login("clerk1")
            let ledger = try await api.call(
                .post, "/api/print", token: clerk, json: #"{"key":"ledger-1","document":"daily-ledger"}"#)
            #expect(ledger.status == 201, "\(ledger.text)")
            let month = try await api.call(
                .post, "/api/print", token: clerk,
                json: #"{"key":"register-1","document":"daily-ledger","month":"2026-12","service":"card-application"}"#)
            #expect(month.status == 201, "\(month.text)")
            let both = try await api.call(
                .post, "/api/print", token: clerk,
                json: #"{"key":"register-2","document":"daily-ledger","month":"2026-12","day":"2026-12-01"}"#)
            #expect(both.status == 422 && both.body["code"] as? String == "invalid-period", "\(both.text)")
            let wrong = try await api.call(
                .post, "/api/print", token: clerk,
                json: #"{"key":"register-3","document":"daily-ledger","month":"2026-13"}"#)
            #expect(wrong.status == 422 && wrong.body["code"] as? String == "invalid-month", "\(wrong.text)")
            _ = try await api.call(
                .post, "/api/cards", token: clerk,
                json: #"{"cardNumber":"CARD-1","idNumber":"\#(terminal.here.idNumber)"}"#)
            let face = try await api.call(
                .post, "/api/print", token: clerk,
                json: #"{"key":"face-1","document":"card-face","cardNumber":"CARD-1"}"#)
            #expect(face.status == 409)
            #expect(face.body["code"] as? String == "card-not-personalised")
            let technician = try await api.login("technician1")
            let refused = try await api.call(
                .post, "/api/print", token: technician, json: #"{"key":"ledger-2","document":"daily-ledger"}"#)
            #expect(refused.status == 403)
            let status = try await api.call(.get, "/api/print/ledger-1", token: technician)
            #expect(status.status == 200)
        }
    }
}

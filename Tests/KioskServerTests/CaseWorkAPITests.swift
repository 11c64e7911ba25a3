import Foundation
import Hummingbird
import HummingbirdTesting
import KioskCore
import Testing

@Suite("Case work at the desk: the worklist, ownership (首问负责), the clock, decisions, the rules found in review")
struct CaseWorkAPITests {
    typealias Client = StaffAPITests.Client

    func withAPI(_ body: @escaping @Sendable (Client, TestTerminal) async throws -> Void) async throws {
        try await StaffAPITests().withAPI(body)
    }

    /// A new application for `idNumber` taken by the caller of `token`; its id.
    func submit(_ api: Client, _ kind: String, for idNumber: String, token: String) async throws -> String {
        let taken = try await api.call(
            .post, "/api/applications", token: token, json: #"{"kind":"\#(kind)","idNumber":"\#(idNumber)"}"#)
        #expect(taken.status == 201, "\(taken.text)")
        return try #require(taken.body["id"] as? String, "\(taken.text)")
    }

    func move(_ api: Client, _ id: String, _ json: String, token: String) async throws
        -> (status: Int, body: [String: Any], text: String)
    {
        try await api.call(.post, "/api/applications/\(id)/status", token: token, json: json)
    }

    func worklist(_ api: Client, _ query: String, token: String) async throws -> [[String: Any]] {
        let list = try await api.call(.get, "/api/applications?\(query)", token: token)
        #expect(list.status == 200, "\(list.text)")
        let array = (try JSONSerialization.jsonObject(with: Data(list.text.utf8))) as? [[String: Any]]
        return try #require(array, "\(list.text)")
    }

    @Test("the worklist: overdue first, then by deadline; by status, service, village and owner; own jurisdiction only")
    func worklistOrderAndFilters() async throws {
        try await withAPI { api, terminal in
            var clerk = try await api.login("clerk1")
            let pension = try await submit(api, "resident-pension-enrolment", for: terminal.here.idNumber, token: clerk)
            let training = try await submit(api, "training-sign-up", for: terminal.resident.idNumber, token: clerk)
            let elsewhere = try await api.login("clerk-elsewhere")
            let foreign = try await submit(api, "training-sign-up", for: terminal.elsewhere.idNumber, token: elsewhere)

            // Two days on, the same-day training sign-up is overdue; the pension enrolment is not yet.
            terminal.clock.advance(by: 2 * 86_400)
            clerk = try await api.login("clerk1")  // the token lapsed while the clock moved
            let all = try await worklist(api, "", token: clerk)
            #expect(all.map { $0["id"] as? String } == [training, pension])
            #expect(!all.contains { $0["id"] as? String == foreign }, "another jurisdiction's case is not listed")
            #expect(all.allSatisfy { ($0["idNumber"] as? String)?.contains("**********") == true })

            #expect(try await worklist(api, "kind=training-sign-up", token: clerk).count == 1)
            #expect(
                try await worklist(api, "region=430102001002", token: clerk).map { $0["id"] as? String } == [training])
            #expect(try await worklist(api, "status=approved", token: clerk).isEmpty)
            let taken = try await api.call(.post, "/api/applications/\(pension)/owner", token: clerk, json: "{}")
            #expect(taken.status == 200, "\(taken.text)")
            #expect(try await worklist(api, "owner=me", token: clerk).map { $0["id"] as? String } == [pension])
            #expect(try await worklist(api, "owner=none", token: clerk).map { $0["id"] as? String } == [training])
            // A region outside the jurisdiction falls back to the jurisdiction.
            #expect(try await worklist(api, "region=110105", token: clerk).count == 2)
            #expect(try await api.call(.get, "/api/applications?status=lost", token: clerk).status == 422)

            // The list read is on the ledger, as a read of one person is.
            let reads = try await terminal.store.ledger(from: 1, limit: 500).filter { $0.action == "person.list" }
            #expect(reads.contains { $0.actor == "clerk1" && $0.detail == "list=applications count=2" })
        }
    }

    @Test("首问负责: the first clerk who takes a case owns it; others are refused until it is handed over, on the ledger")
    func ownership() async throws {
        try await withAPI { api, terminal in
            let (clerk1, clerk2) = (try await api.login("clerk1"), try await api.login("clerk2"))
            let id = try await submit(api, "resident-pension-enrolment", for: terminal.here.idNumber, token: clerk1)
            let untaken = try await move(api, id, #"{"status":"awaiting-materials"}"#, token: clerk1)
            #expect(untaken.status == 409 && untaken.body["code"] as? String == "case-not-taken", "\(untaken.text)")

            #expect(try await api.call(.post, "/api/applications/\(id)/owner", token: clerk2, json: "{}").status == 200)
            let second = try await api.call(.post, "/api/applications/\(id)/owner", token: clerk1, json: "{}")
            #expect(second.status == 409 && second.body["code"] as? String == "case-owned", "\(second.text)")
            let notOwner = try await move(api, id, #"{"status":"withdrawn"}"#, token: clerk1)
            #expect(notOwner.body["code"] as? String == "case-owned")
            let nobody = try await api.call(
                .post, "/api/applications/\(id)/owner", token: clerk2, json: #"{"to":"clerk-elsewhere"}"#)
            #expect(nobody.status == 422, "a colleague outside the case's jurisdiction cannot take it over")
            let technician = try await api.call(
                .post, "/api/applications/\(id)/owner", token: clerk2, json: #"{"to":"technician1"}"#)
            #expect(technician.status == 422)

            let handed = try await api.call(
                .post, "/api/applications/\(id)/owner", token: clerk2, json: #"{"to":"clerk1"}"#)
            #expect(handed.status == 200 && handed.body["owner"] as? String == "clerk1", "\(handed.text)")
            #expect(try await move(api, id, #"{"status":"withdrawn"}"#, token: clerk1).status == 200)

            let history = try await terminal.store.ledger(about: .application(id: id))
            #expect(
                history.map { "\($0.actor) \($0.action) \($0.detail)" } == [
                    "clerk1 application.submit kind=resident-pension-enrolment status=submitted",
                    "clerk2 application.take owner=clerk2",
                    "clerk2 application.hand-over from=clerk2 to=clerk1",
                    "clerk1 application.move from=submitted to=withdrawn",
                ])
            // Taking and handing over go to the centre too, so that every level knows who owns the case.
            let outbox = try await terminal.store.pendingOutbox(limit: 100)
            #expect(
                outbox.map(\.command) == [
                    "application.submit", "application.move", "application.move", "application.move",
                ])
            let moves = try outbox.dropFirst().map {
                try SyncJSON.decoder().decode(ApplicationMovePayload.self, from: $0.payload)
            }
            #expect(moves.map(\.action) == [.take, .handOver, .withdraw])
            #expect(moves.map(\.owner) == ["clerk2", "clerk1", "clerk1"])
            #expect(outbox.compactMap(\.baseVersion) == [1, 2, 3])
        }
    }

    @Test("reminders and escalation: a case due soon, then late, in the worklist's filter and the supervisor's review")
    func dueSoonThenLate() async throws {
        try await withAPI { api, terminal in
            var clerk = try await api.login("clerk1")
            let pension = try await submit(api, "resident-pension-enrolment", for: terminal.here.idNumber, token: clerk)
            let training = try await submit(api, "training-sign-up", for: terminal.resident.idNumber, token: clerk)
            // A same-day service is due before the end of the next working day; five working days are not.
            #expect(try await worklist(api, "due=soon", token: clerk).map { $0["id"] as? String } == [training])
            #expect(try await worklist(api, "due=late", token: clerk).isEmpty)
            #expect(try await api.call(.get, "/api/applications?due=never", token: clerk).status == 422)
            let soon = try await api.call(.get, "/api/review", token: try await api.login("supervisor1"))
            #expect((soon.body["dueSoon"] as? [[String: Any]])?.map { $0["id"] as? String } == [training])

            terminal.clock.advance(by: 2 * 86_400)
            clerk = try await api.login("clerk1")
            #expect(try await worklist(api, "due=late", token: clerk).map { $0["id"] as? String } == [training])
            #expect(try await worklist(api, "due=soon", token: clerk).map { $0["id"] as? String } != [training])
            let review = try await api.call(.get, "/api/review", token: try await api.login("supervisor1"))
            let late = try #require(review.body["late"] as? [[String: Any]], "\(review.text)")
            #expect(late.map { $0["id"] as? String } == [training])
            #expect(late.first?["level"] as? String == "township")
            #expect(!late.contains { $0["id"] as? String == pension })
            #expect(!review.text.contains(terminal.resident.idNumber))
        }
    }

    @Test("missing papers stop the clock: no longer overdue while waiting, the deadline moved on by the wait")
    func clockStops() async throws {
        try await withAPI { api, terminal in
            var clerk = try await api.login("clerk1")
            let id = try await submit(api, "training-sign-up", for: terminal.here.idNumber, token: clerk)
            _ = try await api.call(.post, "/api/applications/\(id)/owner", token: clerk, json: "{}")
            let deadline = try #require(try await terminal.store.application(id)?.deadline)
            let asked = try await move(api, id, #"{"status":"awaiting-materials"}"#, token: clerk)
            #expect(asked.status == 200 && asked.body["clockStoppedAt"] != nil, "\(asked.text)")

            terminal.clock.advance(by: 3 * 86_400)
            clerk = try await api.login("clerk1")  // the token lapsed while the clock moved
            let file = try await api.call(.get, "/api/applications/\(id)", token: clerk)
            #expect(file.body["overdue"] as? Bool == false, "\(file.text)")
            let arrived = try await move(api, id, #"{"status":"submitted"}"#, token: clerk)
            #expect(arrived.status == 200, "\(arrived.text)")
            let after = try #require(try await terminal.store.application(id))
            #expect(after.clockStoppedAt == nil)
            // The test clock runs on from real time: the calls' own seconds count too.
            #expect(abs(after.deadline.timeIntervalSince(deadline) - 3 * 86_400) < 120)
        }
    }

    @Test("a case opened: the person masked, the history, each action offered or refused with the service's reason")
    func caseFile() async throws {
        try await withAPI { api, terminal in
            let (clerk, supervisor) = (try await api.login("clerk1"), try await api.login("supervisor1"))
            let id = try await submit(api, "resident-pension-enrolment", for: terminal.here.idNumber, token: clerk)
            let file = try await api.call(.get, "/api/applications/\(id)", token: clerk)
            #expect(file.status == 200, "\(file.text)")
            #expect(!file.text.contains(terminal.here.idNumber) && file.text.contains("4301**********1238"))
            let person = try #require((file.body["person"] as? [String: Any])?["person"] as? [String: Any])
            #expect(person["name"] as? String == terminal.here.name)
            #expect((file.body["history"] as? [[String: Any]])?.first?["action"] as? String == "application.submit")
            let offers = try #require(file.body["offers"] as? [[String: Any]])
            let offer = { (action: String) in offers.first { $0["action"] as? String == action } }
            #expect(offer("take")?["allowed"] as? Bool == true)
            #expect(offer("approve")?["allowed"] as? Bool == false)
            #expect(offer("approve")?["reasonCode"] as? String == "forbidden")
            #expect(offer("complete")?["reasonCode"] as? String == "case-not-taken")
            #expect((offer("complete")?["reasonChinese"] as? String)?.contains("认领") == true)

            // Each read of a case is a read of its person, on the ledger.
            let reads = try await terminal.store.ledger(from: 1, limit: 500).filter { $0.action == "person.read" }
            #expect(reads.contains { $0.actor == "clerk1" && $0.detail == "summary" })
            #expect(try await api.call(.get, "/api/applications/T1-999", token: supervisor).status == 404)
            for (_, token) in try await api.callersWithoutAccess(terminal) {
                #expect(try await api.call(.get, "/api/applications/\(id)", token: token).status == 403)
            }
        }
    }

    @Test("take, approve, complete; the owner does not decide; a refusal needs a reason; the day's figures match")
    func decisionsAndDayFigures() async throws {
        try await withAPI { api, terminal in
            let (clerk, supervisor) = (try await api.login("clerk1"), try await api.login("supervisor1"))
            let first = try await submit(api, "employment-registration", for: terminal.here.idNumber, token: clerk)
            let second = try await submit(api, "training-sign-up", for: terminal.here.idNumber, token: clerk)
            let third = try await submit(api, "training-sign-up", for: terminal.resident.idNumber, token: clerk)
            for id in [first, second, third] {
                #expect(
                    try await api.call(.post, "/api/applications/\(id)/owner", token: clerk, json: "{}").status == 200)
            }
            _ = try await api.call(
                .post, "/api/applications/\(third)/owner", token: clerk, json: #"{"to":"supervisor1"}"#)
            let ownerDecides = try await move(api, third, #"{"status":"approved"}"#, token: supervisor)
            #expect(ownerDecides.status == 403 && ownerDecides.body["code"] as? String == "separation-of-duties")

            #expect(try await move(api, first, #"{"status":"approved"}"#, token: supervisor).status == 200)
            #expect(
                try await move(api, first, #"{"status":"completed"}"#, token: supervisor).body["code"] as? String
                    == "case-owned")
            #expect(try await move(api, first, #"{"status":"completed"}"#, token: clerk).status == 200)

            let noReason = try await move(api, second, #"{"status":"rejected"}"#, token: supervisor)
            #expect(noReason.status == 422 && noReason.body["code"] as? String == "invalid-rejection-reason")
            let otherBlank = try await move(
                api, second, #"{"status":"rejected","reason":"other","note":" "}"#, token: supervisor)
            #expect(otherBlank.status == 422)
            let refused = try await move(
                api, second, #"{"status":"rejected","reason":"not-eligible","note":"年龄不符"}"#, token: supervisor)
            #expect(refused.status == 200, "\(refused.text)")
            #expect((refused.body["rejection"] as? [String: Any])?["reason"] as? String == "not-eligible")
            let ledger = try await terminal.store.ledger(about: .application(id: second))
            #expect(ledger.last?.detail == "from=submitted to=rejected reason=not-eligible")
            #expect(!ledger.contains { $0.detail.contains("年龄") }, "the clerk's words stay off the ledger")

            // The Day tab's figures are the worklist's: completed today, and the same-day rate.
            let today = try await api.call(.get, "/api/statistics", token: supervisor)
            let day = try #require(today.body["day"] as? String)
            let completed = try await worklist(api, "status=completed&completedOn=\(day)", token: supervisor)
            #expect(today.body["completed"] as? Int == completed.count)
            #expect(completed.map { $0["id"] as? String } == [first])
            let sameDay = try await worklist(api, "", token: supervisor).filter {
                ["employment-registration", "training-sign-up"].contains($0["kind"] as? String)
            }
            let rate = try #require(today.body["sameDayCompletionRate"] as? Double)
            #expect(rate == Double(completed.count) / Double(sameDay.count))
        }
    }

    @Test("a resident sees their own applications' steps, time limits and refusals at the kiosk, and no one else's")
    func residentSeesProgress() async throws {
        try await withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            let pension = try await submit(
                api, "resident-pension-enrolment", for: terminal.resident.idNumber, token: clerk)
            let training = try await submit(api, "training-sign-up", for: terminal.resident.idNumber, token: clerk)
            _ = try await submit(api, "training-sign-up", for: terminal.here.idNumber, token: clerk)
            _ = try await api.call(.post, "/api/applications/\(pension)/owner", token: clerk, json: "{}")
            let asked = try await move(
                api, pension, #"{"status":"awaiting-materials","note":"户口簿复印件"}"#, token: clerk)
            #expect(asked.status == 200, "\(asked.text)")
            let supervisor = try await api.login("supervisor1")
            let refused = try await move(
                api, training, #"{"status":"rejected","reason":"not-eligible","note":"年龄不符"}"#, token: supervisor)
            #expect(refused.status == 200, "\(refused.text)")

            try await terminal.insertResidentCard()
            let session = try await api.call(.post, "/api/session/pin", json: #"{"pin":"123456"}"#)
            let resident = try #require(session.body["token"] as? String, "\(session.text)")
            let answer = try await api.call(.get, "/api/me/applications", token: resident)
            #expect(answer.status == 200, "\(answer.text)")
            let list = try #require(
                (try JSONSerialization.jsonObject(with: Data(answer.text.utf8))) as? [[String: Any]], "\(answer.text)")
            #expect(Set(list.compactMap { $0["id"] as? String }) == [pension, training])
            let waiting = try #require(list.first { $0["id"] as? String == pension })
            #expect(waiting["status"] as? String == "awaiting-materials")
            #expect(waiting["awaitingMaterials"] as? Bool == true)
            #expect(waiting["overdue"] as? Bool == false)
            let no = try #require(list.first { $0["id"] as? String == training })
            #expect(no["rejectionReason"] as? String == "not-eligible")
            #expect(no["rejectionNote"] as? String == "年龄不符")
            #expect(!answer.text.contains("clerk1") && !answer.text.contains("supervisor1"), "no staff ids")
            #expect(try await api.call(.get, "/api/me/applications").status == 401)
        }
    }

    @Test("a resident neither approves nor completes their own application, at the API and in the rules")
    func residentDoesNotDecide() async throws {
        try await withAPI { api, terminal in
            try await terminal.insertResidentCard()
            let session = try await api.call(.post, "/api/session/pin", json: #"{"pin":"123456"}"#)
            let resident = try #require(session.body["token"] as? String, "\(session.text)")
            let own = try await api.call(
                .post, "/api/me/applications", token: resident, json: #"{"kind":"training-sign-up"}"#)
            let id = try #require(own.body["id"] as? String, "\(own.text)")
            for status in ["approved", "completed", "withdrawn"] {
                let moved = try await move(api, id, #"{"status":"\#(status)"}"#, token: resident)
                #expect(moved.status == 403, "\(status): \(moved.text)")
            }
            let services = KioskServices(store: terminal.store)
            for status in [ApplicationStatus.approved, .completed] {
                await #expect(throws: KioskError.forbidden("")) {
                    try await services.move(
                        application: id, to: status, by: .resident(idNumber: terminal.resident.idNumber))
                }
            }
            // The rule itself, as the centre replays it: "card" never approves nor completes.
            var application = try #require(try await terminal.store.application(id))
            #expect(throws: KioskError.residentDecides) {
                try application.move(to: .approved, by: Application.resident, at: Date())
            }
            #expect(try await terminal.store.application(id)?.status == .submitted)
        }
    }

    @Test("statistics and the day's review answer for the staff member's own jurisdiction, not the terminal's")
    func ownJurisdiction() async throws {
        try await withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            let foreignClerk = try await api.login("clerk-elsewhere")
            _ = try await submit(api, "training-sign-up", for: terminal.here.idNumber, token: clerk)
            _ = try await submit(api, "training-sign-up", for: terminal.here.idNumber, token: clerk)
            _ = try await submit(api, "training-sign-up", for: terminal.elsewhere.idNumber, token: foreignClerk)
            func submitted(_ token: String) async throws -> Int? {
                let figures = try await api.call(.get, "/api/statistics", token: token)
                return (figures.body["submittedPerKind"] as? [String: Int])?["training-sign-up"]
            }
            #expect(try await submitted(try await api.login("supervisor1")) == 2)
            #expect(try await submitted(try await api.login("supervisor-elsewhere")) == 1)
            let review = try await api.call(.get, "/api/review", token: try await api.login("supervisor-elsewhere"))
            #expect(review.status == 200, "\(review.text)")
            #expect(
                (review.body["needsReview"] as? [Any])?.isEmpty == true, "the other township's duplicate is not theirs")
            let own = try await api.call(.get, "/api/review", token: try await api.login("supervisor1"))
            #expect((own.body["needsReview"] as? [Any])?.count == 1)
            // Every case the review lists counts as read: the duplicate, and those late or due soon.
            let listed = ["needsReview", "late", "dueSoon"].map { (own.body[$0] as? [Any])?.count ?? 0 }
            #expect(listed[2] > 0, "today's cases are due soon")
            let reads = try await terminal.store.ledger(from: 1, limit: 500).filter { $0.action == "person.list" }
            #expect(
                reads.contains {
                    $0.actor == "supervisor1" && $0.detail == "list=review count=\(listed.reduce(0, +))"
                })
        }
    }

    @Test("the issuance queue is a read of a list of people, on the ledger")
    func cardListAudited() async throws {
        try await withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            try await api.requestCard("CARD-LIST", for: terminal.here.idNumber, token: clerk)
            #expect(try await api.call(.get, "/api/cards?status=applied", token: clerk).status == 200)
            let reads = try await terminal.store.ledger(from: 1, limit: 500).filter { $0.action == "person.list" }
            #expect(reads.map(\.detail) == ["list=cards status=applied count=1"])
        }
    }

    @Test("a loss report never brings back a replaced or cancelled card", arguments: ["replaced", "cancelled"])
    func lossNeverRevives(end: String) async throws {
        try await withAPI { api, terminal in
            let (clerk, supervisor) = (try await api.login("clerk1"), try await api.login("supervisor1"))
            try await api.requestCard("CARD-OLD", for: terminal.here.idNumber, token: clerk)
            for status in ["in-production", "ready-at-desk", "lost"] {
                _ = try await api.call(
                    .post, "/api/cards/CARD-OLD/status", token: supervisor, json: #"{"status":"\#(status)"}"#)
            }
            if end == "replaced" {
                let replaced = try await api.call(
                    .post, "/api/cards/CARD-OLD/replacement", token: clerk, json: #"{"newCardNumber":"CARD-NEW"}"#)
                #expect(replaced.status == 201, "\(replaced.text)")
            } else {
                let cancelled = try await api.call(
                    .post, "/api/cards/CARD-OLD/status", token: supervisor, json: #"{"status":"cancelled"}"#)
                #expect(cancelled.status == 200, "\(cancelled.text)")
            }
            for status in ["lost", "active"] {
                let revived = try await api.call(
                    .post, "/api/cards/CARD-OLD/status", token: clerk, json: #"{"status":"\#(status)"}"#)
                #expect(revived.status == 409, "\(status): \(revived.text)")
                #expect(revived.body["code"] as? String == "illegal-transition")
            }
            #expect(try await terminal.store.cardRecord("CARD-OLD")?.status.rawValue == end)
        }
    }

    @Test(
        "the day's review lists each command the centre refused, without its payload; a supervisor closes it for a reason"
    )
    func refusedCommands() async throws {
        try await withAPI { api, terminal in
            let (clerk, supervisor) = (try await api.login("clerk1"), try await api.login("supervisor1"))
            _ = try await submit(api, "training-sign-up", for: terminal.here.idNumber, token: clerk)
            let key = try #require(try await terminal.store.pendingOutbox(limit: 10).first?.idempotencyKey)
            try await terminal.store.failed(key, refused: true, reason: "duplicate-application", at: Date())

            let review = try await api.call(.get, "/api/review", token: supervisor)
            #expect(review.status == 200, "\(review.text)")
            let refused = try #require(review.body["refusedCommands"] as? [[String: Any]])
            #expect(refused.map { $0["key"] as? String } == [key])
            #expect(refused.first?["reason"] as? String == "duplicate-application")
            #expect(!review.text.contains(terminal.here.idNumber), "the payload's ID number stays out")

            let path = "/api/review/refused/\(key)/close"
            #expect(try await api.call(.post, path, token: clerk, json: #"{"reason":"superseded"}"#).status == 403)
            #expect(try await api.call(.post, path, token: supervisor, json: #"{"reason":"because"}"#).status == 400)
            #expect(try await api.call(.post, path, token: supervisor, json: #"{"reason":"superseded"}"#).status == 204)
            #expect(try await api.call(.post, path, token: supervisor, json: #"{"reason":"superseded"}"#).status == 404)
            #expect(try await terminal.store.outboxSummary().needsReview == 0)
            let closed = try await terminal.store.ledger(from: 1, limit: 500).filter { $0.action == "outbox.close" }
            #expect(closed.map(\.detail) == ["key=\(key) command=application.submit reason=superseded"])
            #expect(closed.first?.actor == "supervisor1")
        }
    }
}

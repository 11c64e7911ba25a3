import Foundation
import HTTPTypes
import KioskCore
import Testing

@Suite("Retirees' annual check: certified at the kiosk, listed at the desk, visited, reported, suspended by the county")
struct RetireeCheckAPITests {
    /// Publishes checks of the year as the centre's page would bring them: `due` days from the
    /// test clock (negative: already overdue).
    func publish(_ terminal: TestTerminal, _ due: [(KioskCore.Person, days: Double)]) async throws {
        try await terminal.store.applyReferenceData(
            ReferenceDataPage(
                retireeChecks: due.map { person, days in
                    RetireeCheck(
                        idNumber: person.idNumber, year: 2026,
                        dueBy: terminal.clock.now().addingTimeInterval(days * 86400))
                }, cursor: "2", asOf: terminal.clock.now()))
    }

    func residentToken(_ api: StaffAPITests.Client, _ terminal: TestTerminal) async throws -> String {
        try await terminal.insertResidentCard()
        let session = try await api.call(.post, "/api/session/pin", json: #"{"pin":"123456"}"#)
        return try #require(session.body["token"] as? String, "\(session.text)")
    }

    @Test("a retiree certifies with card and PIN, once, and sees when the next check is due")
    func certifiesAtTheKiosk() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            try await publish(terminal, [(terminal.resident, 30)])
            let resident = try await residentToken(api, terminal)
            let before = try await api.call(.get, "/api/me/retiree-check", token: resident)
            #expect(before.status == 200 && before.body["state"] as? String == "due", "\(before.text)")
            #expect(before.body["nextDueBy"] as? String == before.body["dueBy"] as? String)
            let certified = try await api.call(.post, "/api/me/retiree-check", token: resident)
            #expect(certified.status == 200 && certified.body["state"] as? String == "certified", "\(certified.text)")
            let certification = try #require(certified.body["certification"] as? [String: Any])
            #expect(certification["method"] as? String == "kiosk" && certification["by"] as? String == "card")
            let due = try #require((certified.body["dueBy"] as? String).flatMap(APIAnswer.date))
            let next = try #require((certified.body["nextDueBy"] as? String).flatMap(APIAnswer.date))
            #expect(WorkingCalendar.china.dateComponents([.year], from: due, to: next).year == 1)
            #expect(!certified.text.contains(terminal.resident.idNumber), "the answer masks the ID number")

            let again = try await api.call(.post, "/api/me/retiree-check", token: resident)
            #expect(again.status == 409 && again.body["code"] as? String == "already-certified", "\(again.text)")
            let sent = try await terminal.store.pendingOutbox(limit: 20).filter { $0.command == "retiree.check" }
            #expect(sent.count == 1, "a refused certification sends nothing")
            let payload = try SyncJSON.decoder().decode(
                RetireeCheckPayload.self, from: try #require(sent.first).payload)
            #expect(
                payload.year == 2026
                    && payload.entry.map { if case .certification = $0 { true } else { false } } == true)
            let lines = try await terminal.store.ledger(about: .person(idNumber: terminal.resident.idNumber))
            #expect(lines.contains { $0.action == "retiree.certify" && $0.detail == "year=2026 method=kiosk" })
            #expect(!lines.contains { $0.detail.contains(terminal.resident.idNumber) })
        }
    }

    @Test("someone who draws no pension is refused at the kiosk and at the desk")
    func aNonRetireeIsRefused() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            try await publish(terminal, [(terminal.here, 30)])
            let resident = try await residentToken(api, terminal)
            for method in [HTTPRequest.Method.get, .post] {
                let refused = try await api.call(method, "/api/me/retiree-check", token: resident)
                #expect(refused.status == 403 && refused.body["code"] as? String == "not-a-retiree", "\(refused.text)")
                #expect((refused.body["messageChinese"] as? String)?.contains("领取养老金") == true)
            }
            let clerk = try await api.login("clerk1")
            let visit = try await api.call(
                .post, "/api/retirees/certification", token: clerk,
                json: #"{"idNumber":"\#(terminal.resident.idNumber)","note":"在家"}"#)
            #expect(visit.status == 403 && visit.body["code"] as? String == "not-a-retiree", "\(visit.text)")
            // The check is no application any more: filing one is refused, at the kiosk and the desk.
            let filed = try await api.call(
                .post, "/api/applications", token: clerk,
                json: #"{"kind":"retiree-qualification-check","idNumber":"\#(terminal.here.idNumber)"}"#)
            #expect(filed.status == 422 && filed.body["code"] as? String == "retiree-check-is-no-application")
            let selfFiled = try await api.call(
                .post, "/api/me/applications", token: resident, json: #"{"kind":"retiree-qualification-check"}"#)
            #expect(selfFiled.status == 422, "\(selfFiled.text)")
            #expect(try await terminal.store.pendingOutbox(limit: 50).allSatisfy { $0.command != "retiree.check" })
        }
    }

    @Test("the desk lists the village's due and overdue, records a home visit and a reported death")
    func deskLists() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            try await publish(terminal, [(terminal.here, 20), (terminal.resident, -3), (terminal.elsewhere, -3)])
            let clerk = try await api.login("clerk1")
            let overdue = try await api.call(.get, "/api/retirees?state=overdue", token: clerk)
            let overdueLines = try #require(APIAnswer.lines(overdue.text), "\(overdue.text)")
            #expect(overdueLines.count == 1, "the other township's retiree is not listed: \(overdue.text)")
            #expect(overdueLines.first?["name"] as? String == terminal.resident.name)
            #expect(overdueLines.first?["stateName"] as? String == "逾期未认证")
            #expect(!overdue.text.contains(terminal.resident.idNumber))
            let due = try await api.call(.get, "/api/retirees?state=due", token: clerk)
            #expect(APIAnswer.lines(due.text)?.map { $0["name"] as? String } == [terminal.here.name], "\(due.text)")
            let bad = try await api.call(.get, "/api/retirees?state=lost", token: clerk)
            #expect(bad.status == 422)
            let elsewhere = try await api.call(.get, "/api/retirees", token: try await api.login("clerk-elsewhere"))
            #expect(
                APIAnswer.lines(elsewhere.text)?.map { $0["name"] as? String } == [terminal.elsewhere.name],
                "\(elsewhere.text)")

            let noNote = try await api.call(
                .post, "/api/retirees/certification", token: clerk,
                json: #"{"idNumber":"\#(terminal.here.idNumber)","note":"  "}"#)
            #expect(noNote.status == 422 && noNote.body["code"] as? String == "invalid-note", "\(noNote.text)")
            let visited = try await api.call(
                .post, "/api/retirees/certification", token: clerk,
                json: #"{"idNumber":"\#(terminal.here.idNumber)","note":"本人卧床，精神好"}"#)
            let certification = visited.body["certification"] as? [String: Any]
            #expect(visited.status == 200 && certification?["method"] as? String == "home-visit", "\(visited.text)")
            #expect(certification?["by"] as? String == "clerk1" && certification?["note"] as? String == "本人卧床，精神好")

            let inTwoDays = WorkingCalendar.china.dateComponents(
                [.year, .month, .day], from: terminal.clock.now().addingTimeInterval(2 * 86400))
            let tomorrow = String(format: "%04d-%02d-%02d", inTwoDays.year!, inTwoDays.month!, inTwoDays.day!)
            let future = try await api.call(
                .post, "/api/retirees/life-event", token: clerk,
                json:
                    #"{"idNumber":"\#(terminal.resident.idNumber)","kind":"death","on":"\#(tomorrow)","reporterRelation":"子女"}"#
            )
            #expect(future.status == 422, "\(future.text)")
            let reported = try await api.call(
                .post, "/api/retirees/life-event", token: clerk,
                json:
                    #"{"idNumber":"\#(terminal.resident.idNumber)","kind":"death","on":"2026-11-30","reporterRelation":"子女"}"#
            )
            #expect(reported.status == 200 && reported.body["state"] as? String == "reported", "\(reported.text)")
            let twice = try await api.call(
                .post, "/api/retirees/life-event", token: clerk,
                json:
                    #"{"idNumber":"\#(terminal.resident.idNumber)","kind":"moved-away","on":"2026-11-30","reporterRelation":"配偶"}"#
            )
            #expect(twice.status == 409 && twice.body["code"] as? String == "retiree-reported")
            let resident = try await residentToken(api, terminal)
            let late = try await api.call(.post, "/api/me/retiree-check", token: resident)
            #expect(late.status == 409 && late.body["code"] as? String == "retiree-reported", "\(late.text)")
            let reportedList = try await api.call(.get, "/api/retirees?state=reported", token: clerk)
            #expect(APIAnswer.lines(reportedList.text)?.count == 1)
        }
    }

    @Test("only the county suspends a pension, and only a candidate's")
    func suspensionAtTheCountyOnly() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            try await publish(terminal, [(terminal.here, 20), (terminal.resident, -3)])
            let body = #"{"idNumber":"\#(terminal.resident.idNumber)","reason":"逾期未认证"}"#
            let township = try await api.call(
                .post, "/api/retirees/suspension", token: try await api.login("supervisor1"), json: body)
            #expect(township.status == 403 && township.body["code"] as? String == "wrong-level", "\(township.text)")
            let clerk = try await api.call(
                .post, "/api/retirees/suspension", token: try await api.login("clerk1"), json: body)
            #expect(clerk.status == 403 && clerk.body["code"] as? String == "forbidden")
            #expect(try await terminal.store.pendingOutbox(limit: 50).allSatisfy { $0.command != "retiree.check" })

            // The county's own terminal, and its supervisor.
            try await terminal.store.setTerminal(
                TerminalIdentity(terminalID: "T1", jurisdiction: try Jurisdiction("430102"), name: "县中心"))
            try await terminal.store.addStaff(
                StaffAccount(
                    member: StaffMember(
                        id: "county1", name: "县主管", role: .supervisor, jurisdiction: try Jurisdiction("430102")),
                    password: try PasswordHash(hashing: TestTerminal.password, cost: 10), mustChangePassword: false,
                    isDisabled: false),
                by: .administrator(account: "test"), at: Date())
            let county = try await api.login("county1")
            let notYet = try await api.call(
                .post, "/api/retirees/suspension", token: county,
                json: #"{"idNumber":"\#(terminal.here.idNumber)","reason":"逾期未认证"}"#)
            #expect(notYet.status == 409 && notYet.body["code"] as? String == "not-a-suspension-candidate")
            let noReason = try await api.call(
                .post, "/api/retirees/suspension", token: county,
                json: #"{"idNumber":"\#(terminal.resident.idNumber)","reason":""}"#)
            #expect(noReason.status == 422)
            let suspended = try await api.call(.post, "/api/retirees/suspension", token: county, json: body)
            #expect(suspended.status == 200 && suspended.body["state"] as? String == "suspended", "\(suspended.text)")
            #expect((suspended.body["suspension"] as? [String: Any])?["by"] as? String == "county1")
        }
    }
}

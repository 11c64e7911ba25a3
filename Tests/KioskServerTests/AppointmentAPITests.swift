import Foundation
import KioskCore
import Testing

@Suite("Appointments: a hall slot booked at the kiosk until full, the desk's calendar, a home visit assigned and done")
struct AppointmentAPITests {
    /// The first day from tomorrow on, within two weeks, on which the hall works (or, with `working`
    /// false, does not).
    static func day(_ terminal: TestTerminal, working: Bool = true) throws -> String {
        let days = (1...14).map { JobPostingAPITests.day(terminal, plus: Double($0)) }
        return try #require(
            days.first { key in
                WorkingCalendar.published.isWorkingDay(
                    WorkingCalendar.china.date(
                        from: DateComponents(
                            year: Int(key.prefix(4)), month: Int(key.dropFirst(5).prefix(2)),
                            day: Int(key.suffix(2)), hour: 12))!) == working
            })
    }

    @Test(
        "the resident books a slot at the kiosk; the slot fills; a day off and a day past are refused; cancelled, the place is free"
    )
    func hallSlots() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let day = try Self.day(terminal)
            let resident = try await RetireeCheckAPITests().residentToken(api, terminal)
            let booked = try await api.call(
                .post, "/api/me/appointments", token: resident,
                json: #"{"service":"card-application","day":"\#(day)","slot":"09:30"}"#)
            #expect(booked.status == 201 && booked.body["channel"] as? String == "kiosk", "\(booked.text)")
            #expect(booked.body["state"] as? String == "booked" && !booked.text.contains(terminal.resident.idNumber))
            let id = try #require(booked.body["id"] as? String)
            let clerk = try await api.login("clerk1")
            let second = try await api.call(
                .post, "/api/appointments", token: clerk,
                json:
                    #"{"idNumber":"\#(terminal.here.idNumber)","kind":"hall","service":"resident-pension-enrolment","day":"\#(day)","slot":"09:30","phone":"13812345678"}"#
            )
            #expect(second.status == 201 && second.body["channel"] as? String == "phone", "\(second.text)")
            let full = try await api.call(
                .post, "/api/me/appointments", token: resident,
                json: #"{"service":"card-replacement","day":"\#(day)","slot":"09:30"}"#)
            #expect(full.status == 409 && full.body["code"] as? String == "slot-full", "\(full.text)")
            let slots = try await api.call(.get, "/api/appointments/slots?day=\(day)")
            let nineThirty = APIAnswer.lines(slots.text)?.first { $0["slot"] as? String == "09:30" }
            #expect(nineThirty?["left"] as? Int == 0, "\(slots.text)")

            let off = try await api.call(.get, "/api/appointments/slots?day=\(try Self.day(terminal, working: false))")
            #expect(off.status == 422 && off.body["code"] as? String == "not-a-working-day", "\(off.text)")
            let today = try await api.call(
                .post, "/api/me/appointments", token: resident,
                json:
                    #"{"service":"card-application","day":"\#(JobPostingAPITests.day(terminal, plus: 0))","slot":"09:00"}"#
            )
            #expect(today.status == 422 && today.body["code"] as? String == "invalid-day", "\(today.text)")
            let noSlot = try await api.call(
                .post, "/api/me/appointments", token: resident,
                json: #"{"service":"card-application","day":"\#(day)","slot":"12:00"}"#)
            #expect(noSlot.body["code"] as? String == "invalid-slot", "\(noSlot.text)")

            let cancelled = try await api.call(.post, "/api/me/appointments/\(id)/cancel", token: resident)
            #expect(cancelled.status == 200 && cancelled.body["state"] as? String == "cancelled", "\(cancelled.text)")
            let again = try await api.call(.post, "/api/me/appointments/\(id)/cancel", token: resident)
            #expect(again.status == 409 && again.body["code"] as? String == "appointment-closed")
            let freed = try await api.call(.get, "/api/appointments/slots?day=\(day)")
            #expect(APIAnswer.lines(freed.text)?.first { $0["slot"] as? String == "09:30" }?["left"] as? Int == 1)
            let theirs = try await api.call(
                .post, "/api/me/appointments/\(try #require(second.body["id"] as? String))/cancel", token: resident)
            #expect(theirs.status == 403, "a resident cancels only their own: \(theirs.text)")
            let mine = try await api.call(.get, "/api/me/appointments", token: resident)
            #expect(APIAnswer.lines(mine.text)?.map { $0["id"] as? String } == [id])
        }
    }

    @Test("a home visit booked on a call, on the calendar, assigned to a clerk, its outcome recorded on the day")
    func homeVisit() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let day = try Self.day(terminal)
            let clerk = try await api.login("clerk1")
            let noReason = try await api.call(
                .post, "/api/appointments", token: clerk,
                json:
                    #"{"idNumber":"\#(terminal.here.idNumber)","kind":"home-visit","service":"card-application","day":"\#(day)"}"#
            )
            #expect(noReason.status == 422, "\(noReason.text)")
            let booked = try await api.call(
                .post, "/api/appointments", token: clerk,
                json:
                    #"{"idNumber":"\#(terminal.here.idNumber)","kind":"home-visit","service":"card-application","day":"\#(day)","reason":"disabled","note":"行动不便，子女代为预约"}"#
            )
            #expect(booked.status == 201 && booked.body["reasonName"] as? String == "残疾人", "\(booked.text)")
            let id = try #require(booked.body["id"] as? String)
            let elsewhere = try await api.call(
                .post, "/api/appointments", token: clerk,
                json:
                    #"{"idNumber":"\#(terminal.elsewhere.idNumber)","kind":"home-visit","service":"card-application","day":"\#(day)","reason":"elderly"}"#
            )
            #expect(elsewhere.status == 403 && elsewhere.body["code"] as? String == "outside-jurisdiction")

            let calendar = try await api.call(.get, "/api/appointments?from=\(day)&through=\(day)", token: clerk)
            let lines = try #require(APIAnswer.lines(calendar.text), "\(calendar.text)")
            #expect(
                lines.map { $0["name"] as? String } == [terminal.here.name]
                    && !calendar.text.contains(terminal.here.idNumber))
            let theirCalendar = try await api.call(
                .get, "/api/appointments?from=\(day)&through=\(day)", token: try await api.login("clerk-elsewhere"))
            #expect(APIAnswer.lines(theirCalendar.text)?.isEmpty == true)

            let badTarget = try await api.call(
                .post, "/api/appointments/\(id)/assign", token: clerk, json: #"{"to":"clerk-elsewhere"}"#)
            #expect(badTarget.status == 422 || badTarget.status == 409, "\(badTarget.text)")
            let assigned = try await api.call(
                .post, "/api/appointments/\(id)/assign", token: clerk, json: #"{"to":"clerk2"}"#)
            #expect(
                assigned.body["assignedTo"] as? String == "clerk2" && assigned.body["state"] as? String == "assigned")
            let early = try await api.call(
                .post, "/api/appointments/\(id)/outcome", token: clerk, json: #"{"result":"served"}"#)
            #expect(early.body["code"] as? String == "invalid-day", "not before the day: \(early.text)")

            try JobSeekerAPITests.move(terminal, to: day)
            let onTheDay = try await api.login("clerk2")
            let wrong = try await api.call(
                .post, "/api/appointments/\(id)/outcome", token: onTheDay, json: #"{"result":"attended"}"#)
            #expect(wrong.body["code"] as? String == "outcome-mismatch", "\(wrong.text)")
            let served = try await api.call(
                .post, "/api/appointments/\(id)/outcome", token: onTheDay, json: #"{"result":"served","note":"已代办申领"}"#)
            #expect(served.status == 200 && served.body["stateName"] as? String == "已上门办理", "\(served.text)")
            let sent = try await terminal.store.pendingOutbox(limit: 50).filter { $0.command == "appointment.entry" }
            #expect(sent.count == 3, "booking, assignment, outcome")
            let ledger = try await terminal.store.ledger(about: .person(idNumber: terminal.here.idNumber))
            #expect(ledger.contains { $0.action == "appointment.outcome" && $0.detail == "id=\(id) result=served" })
            #expect(!ledger.contains { $0.detail.contains("行动不便") })
        }
    }
}

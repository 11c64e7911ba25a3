import Foundation
import KioskCore
import Testing

@Suite("Ratings of a service: once a kiosk session, at the desk with the clerk who served, sent to the centre")
struct RatingAPITests {
    @Test("a resident rates once a session; the rating names no resident and the answer no clerk")
    func atTheKiosk() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            try await terminal.insertResidentCard()
            let session = try await api.call(.post, "/api/session/pin", json: #"{"pin":"123456"}"#)
            let resident = try #require(session.body["token"] as? String, "\(session.text)")
            let long = String(repeating: "慢", count: 101)
            let tooLong = try await api.call(
                .post, "/api/ratings", token: resident, json: #"{"level":"dissatisfied","reason":"\#(long)"}"#)
            #expect(tooLong.status == 422 && tooLong.body["code"] as? String == "invalid-reason", "\(tooLong.text)")
            let rated = try await api.call(
                .post, "/api/ratings", token: resident, json: #"{"level":"dissatisfied","reason":" 等候时间太长 "}"#)
            #expect(rated.status == 201 && rated.body["level"] as? String == "dissatisfied", "\(rated.text)")
            let again = try await api.call(.post, "/api/ratings", token: resident, json: #"{"level":"satisfied"}"#)
            #expect(again.status == 409 && again.body["code"] as? String == "already-rated", "\(again.text)")

            let sent = try await terminal.store.pendingOutbox(limit: 50).filter { $0.command == "satisfaction.rating" }
            #expect(sent.count == 1)
            let rating = try SyncJSON.decoder().decode(SatisfactionRating.self, from: try #require(sent.first).payload)
            #expect(rating.channel == .kiosk && rating.servedBy == nil && rating.reason == "等候时间太长")
            #expect(rating.regionCode == "430102001" && rating.id.hasPrefix("T1-R"))
            let payload = String(decoding: try #require(sent.first).payload, as: UTF8.self)
            #expect(!payload.contains(terminal.resident.idNumber) && !payload.contains(terminal.resident.name))
            let line = try #require(
                try await terminal.store.ledger(from: 0, limit: 500).last {
                    $0.action == "satisfaction.rating"
                })
            #expect(line.detail == "id=\(rating.id) channel=kiosk", "the ledger says a rating was given, not how")
        }
    }

    @Test("at the desk the clerk who served is kept for the county, never answered; others may not rate")
    func atTheDesk() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            let rated = try await api.call(
                .post, "/api/ratings", token: clerk, json: #"{"level":"satisfied","service":"employment-registration"}"#
            )
            #expect(rated.status == 201, "\(rated.text)")
            #expect(!rated.text.contains("clerk1"), "the screen turned to the resident does not name the clerk")
            let second = try await api.call(
                .post, "/api/ratings", token: clerk, json: #"{"level":"basically-satisfied"}"#)
            #expect(second.status == 201, "each resident served at the desk rates")
            let ratings = try await terminal.store.pendingOutbox(limit: 50).filter {
                $0.command == "satisfaction.rating"
            }.map { try SyncJSON.decoder().decode(SatisfactionRating.self, from: $0.payload) }
            #expect(ratings.map(\.servedBy) == ["clerk1", "clerk1"] && ratings.allSatisfy { $0.channel == .desk })
            #expect(ratings.map(\.service) == [.employmentRegistration, nil])
            #expect(Set(ratings.map(\.id)).count == 2)
            let technician = try await api.call(
                .post, "/api/ratings", token: try await api.login("technician1"), json: #"{"level":"satisfied"}"#)
            #expect(technician.status == 403)
            let unknown = try await api.call(.post, "/api/ratings", token: clerk, json: #"{"level":"great"}"#)
            #expect(unknown.status == 400, "\(unknown.text)")
        }
    }
}

@Suite("Service guides on the idle kiosk")
struct ServiceGuideAPITests {
    @Test("the guides the centre sent are public, in the order of the services, with the service's time limit")
    func publicGuides() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let none = try await api.call(.get, "/api/guides")
            #expect(none.status == 200 && none.text == "[]")
            let guides = [
                ServiceGuide(
                    kind: .lossReport, materials: ["身份证"], steps: ["挂失"], fee: "不收费", legalBasis: "办法"),
                ServiceGuide(
                    kind: .cardApplication, materials: ["身份证", "照片"], steps: ["申请", "领卡"], fee: "不收费",
                    legalBasis: "办法"),
            ]
            try await terminal.store.applyReferenceData(
                ReferenceDataPage(serviceGuides: guides, cursor: "g", asOf: Date()))
            let answer = try await api.call(.get, "/api/guides")
            let listed = try #require(APIAnswer.lines(answer.text), "\(answer.text)")
            #expect(listed.map { $0["kind"] as? String } == ["card-application", "loss-report"])
            #expect(listed.map { $0["timeLimitDays"] as? Int } == [20, 0])
            #expect(listed.first?["service"] as? String == "社会保障卡申领")
            let lines = try await terminal.store.ledger(from: 0, limit: 500).filter { $0.action == "guide.from-centre" }
            #expect(lines.count == 2)
        }
    }

    @Test("the notices shown today, newest first; those over or still to come are not")
    func noticesOfToday() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let calendar = WorkingCalendar.china
            func day(_ offset: Int) -> String {
                let parts = calendar.dateComponents(
                    [.year, .month, .day], from: terminal.clock.now().addingTimeInterval(Double(offset) * 86_400))
                return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            }
            let notices = [
                PolicyNotice(id: "old", title: "旧", body: "b", from: day(-30), until: day(-1)),
                PolicyNotice(id: "long", title: "长期", body: "b", from: day(-30), until: day(30)),
                PolicyNotice(id: "new", title: "今天起", body: "b", from: day(0), until: day(0)),
                PolicyNotice(id: "soon", title: "明天起", body: "b", from: day(1), until: day(30)),
            ]
            try await terminal.store.applyReferenceData(ReferenceDataPage(notices: notices, cursor: "n", asOf: Date()))
            let answer = try await api.call(.get, "/api/notices")
            #expect(answer.status == 200)
            #expect(APIAnswer.lines(answer.text)?.map { $0["id"] as? String } == ["new", "long"])
        }
    }
}

import Foundation
import KioskCore
import Testing

@Suite("Job postings: entered at the desk for the area, on the kiosk's board by village, kind and skill, taken down")
struct JobPostingAPITests {
    static func posting(
        title: String = "叉车司机", region: String? = nil, kind: String = "full-time", skills: [String] = ["叉车"],
        from: Int = 400_000, to: Int = 550_000, until: String, contact: String = "13812345678"
    ) -> String {
        let regionField = region.map { #","regionCode":"\#($0)""# } ?? ""
        let skillList = skills.map { #""\#($0)""# }.joined(separator: ",")
        return
            #"{"title":"\#(title)","employer":"演示物流有限公司","place":"镇工业园","kind":"\#(kind)","skills":[\#(skillList)],"monthlyWageFromFen":\#(from),"monthlyWageToFen":\#(to),"until":"\#(until)","contact":"\#(contact)"\#(regionField)}"#
    }

    static func day(_ terminal: TestTerminal, plus days: Double) -> String {
        let parts = WorkingCalendar.china.dateComponents(
            [.year, .month, .day], from: terminal.clock.now().addingTimeInterval(days * 86400))
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test("posted in the clerk's area, found on the board by kind, skill and village, taken down, sent to the centre")
    func postFilterTakeDown() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            let until = Self.day(terminal, plus: 30)
            let forklift = try await api.call(.post, "/api/jobs", token: clerk, json: Self.posting(until: until))
            #expect(
                forklift.status == 201 && (forklift.body["id"] as? String)?.hasPrefix("T1-P") == true,
                "\(forklift.text)")
            #expect(
                forklift.body["regionCode"] as? String == "430102001"
                    && forklift.body["postedBy"] as? String == "clerk1")
            let village = try await api.call(
                .post, "/api/jobs", token: clerk,
                json: Self.posting(title: "采茶工", region: "430102001002", kind: "seasonal", skills: [], until: until))
            #expect(village.status == 201, "\(village.text)")
            let id = try #require(forklift.body["id"] as? String)

            func board(_ query: String) async throws -> [String?] {
                let answer = try await api.call(.get, "/api/jobs\(query)")
                return APIAnswer.lines(answer.text)?.map { $0["title"] as? String } ?? ["not a list: \(answer.text)"]
            }
            #expect(try await board("?kind=seasonal") == ["采茶工"])
            #expect(
                try await board("?skill=叉车".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!) == ["叉车司机"]
            )
            #expect(try await board("?village=430102001002") == ["采茶工"])
            #expect(try await board("?kind=full-time&village=430102001002").isEmpty)
            let badKind = try await api.call(.get, "/api/jobs?kind=forever")
            #expect(badKind.status == 422, "\(badKind.text)")

            let down = try await api.call(.post, "/api/jobs/\(id)/take-down", token: clerk)
            #expect(down.status == 200 && down.body["until"] as? String == Self.day(terminal, plus: -1), "\(down.text)")
            #expect(try await board("").contains("叉车司机") == false, "taken down, off the board")
            let sent = try await terminal.store.pendingOutbox(limit: 50).filter { $0.command == "jobposting.publish" }
            #expect(sent.count == 3, "two postings and the take-down")
            let ledger = try await terminal.store.ledger(about: .jobPosting(id: id))
            #expect(ledger.map(\.action) == ["jobposting.publish", "jobposting.publish"])
        }
    }

    @Test(
        "refused: outside the jurisdiction, a wrong wage, a past or far last day, too many skills, a bad phone, the wrong role"
    )
    func refusals() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            let until = Self.day(terminal, plus: 30)
            for (body, code) in [
                (Self.posting(region: "110105001", until: until), "outside-jurisdiction"),
                (Self.posting(from: 600_000, to: 500_000, until: until), "invalid-wage"),
                (Self.posting(until: Self.day(terminal, plus: -1)), "invalid-until"),
                (Self.posting(until: Self.day(terminal, plus: 400)), "invalid-until"),
                (Self.posting(skills: (1...9).map { "技能\($0)" }, until: until), "invalid-skills"),
                (Self.posting(until: until, contact: "12345"), "invalid-phone"),
            ] {
                let refused = try await api.call(.post, "/api/jobs", token: clerk, json: body)
                #expect(refused.body["code"] as? String == code, "\(refused.text)")
            }
            let theirs = try await api.call(
                .post, "/api/jobs", token: try await api.login("clerk-elsewhere"), json: Self.posting(until: until))
            #expect(theirs.status == 403 && theirs.body["code"] as? String == "outside-jurisdiction", "\(theirs.text)")
            let technician = try await api.call(
                .post, "/api/jobs", token: try await api.login("technician1"), json: Self.posting(until: until))
            #expect(technician.status == 403 && technician.body["code"] as? String == "forbidden")
            #expect(try await terminal.store.pendingOutbox(limit: 50).allSatisfy { $0.command != "jobposting.publish" })
        }
    }
}

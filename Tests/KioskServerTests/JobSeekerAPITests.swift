import Foundation
import KioskCore
import Testing

@Suite("The employment register at the desk: registered in the jurisdiction, followed up, referred, closed, printed")
struct JobSeekerAPITests {
    static func registration(_ idNumber: String, category: String = "registered-unemployed") -> String {
        #"{"idNumber":"\#(idNumber)","category":"\#(category)","reason":"contract-ended","lastEmployer":"演示机械制造有限公司","wantsJob":true,"zeroEmploymentFamily":false}"#
    }

    /// Moves the terminal's clock to 10:00 China time of `day`.
    static func move(_ terminal: TestTerminal, to day: String) throws {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        let target = try #require(
            WorkingCalendar.china.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 10)))
        terminal.clock.advance(by: target.timeIntervalSince(terminal.clock.now()))
    }

    @Test("registered before the National Day holiday, the promise runs ten working days across it, then is late")
    func theClockAcrossAHoliday() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            try Self.move(terminal, to: "2026-09-29")
            let clerk = try await api.login("clerk1")
            let registered = try await api.call(
                .post, "/api/jobseekers", token: clerk, json: Self.registration(terminal.here.idNumber))
            #expect(
                registered.status == 201 && registered.body["promise"] as? String == "running", "\(registered.text)")
            let registration = try #require(registered.body["registration"] as? [String: Any])
            // 2026-10-19 23:59:59 in China: 9-30, 10-8, 10-9, Saturday 10-10 worked, 10-12 to 10-16, 10-19.
            #expect(registration["promiseDue"] as? String == "2026-10-19T15:59:59Z", "\(registered.text)")
            #expect(!registered.text.contains(terminal.here.idNumber), "the answer masks the ID number")
            let id = try #require(registered.body["id"] as? String)

            try Self.move(terminal, to: "2026-10-19")
            let clerkOnTheDay = try await api.login("clerk1")
            let notYet = try await api.call(.get, "/api/jobseekers?filter=late", token: clerkOnTheDay)
            #expect(APIAnswer.lines(notYet.text)?.isEmpty == true, "\(notYet.text)")
            try Self.move(terminal, to: "2026-10-20")
            let supervisor = try await api.login("supervisor1")
            let late = try await api.call(.get, "/api/jobseekers?filter=late", token: supervisor)
            let lines = try #require(APIAnswer.lines(late.text), "\(late.text)")
            #expect(lines.map { $0["id"] as? String } == [id] && lines.first?["name"] as? String == terminal.here.name)
            #expect(lines.first?["promiseName"] as? String == "超过10个工作日未就业")
            let review = try await api.call(.get, "/api/review", token: supervisor)
            let promises = try #require(review.body["latePromises"] as? [[String: Any]], "\(review.text)")
            #expect(promises.map { $0["id"] as? String } == [id], "the supervisor's review lists the late promise")
            #expect(!review.text.contains(terminal.here.name), "by its registration alone, no person")
        }
    }

    @Test("followed up once a month, referred to a posting, closed with the employer, and the certificate printed")
    func aRegistrationsLife() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            try await terminal.store.applyReferenceData(
                ReferenceDataPage(
                    jobPostings: [
                        JobPosting(
                            id: "P-1", title: "仓库管理员", employer: "演示物流有限公司", regionCode: "430102001",
                            monthlyWageFromFen: 350_000, monthlyWageToFen: 450_000, postedOn: "2026-11-01",
                            contact: "0731-12345678")
                    ], cursor: "2", asOf: terminal.clock.now()))
            let clerk = try await api.login("clerk1")
            let registered = try await api.call(
                .post, "/api/jobseekers", token: clerk, json: Self.registration(terminal.here.idNumber))
            let id = try #require(registered.body["id"] as? String, "\(registered.text)")
            let twice = try await api.call(
                .post, "/api/jobseekers", token: clerk, json: Self.registration(terminal.here.idNumber))
            #expect(twice.status == 409 && twice.body["code"] as? String == "already-registered", "\(twice.text)")

            let followUp = #"{"method":"phone","stillSeeking":true,"note":"仍在找工作"}"#
            let called = try await api.call(.post, "/api/jobseekers/\(id)/follow-up", token: clerk, json: followUp)
            #expect(called.status == 200 && (called.body["followUps"] as? [Any])?.count == 1, "\(called.text)")
            let again = try await api.call(.post, "/api/jobseekers/\(id)/follow-up", token: clerk, json: followUp)
            #expect(again.status == 409 && again.body["code"] as? String == "already-followed-up", "\(again.text)")
            let unknown = try await api.call(
                .post, "/api/jobseekers/\(id)/referral", token: clerk, json: #"{"postingId":"P-404"}"#)
            #expect(unknown.status == 404, "\(unknown.text)")
            let referred = try await api.call(
                .post, "/api/jobseekers/\(id)/referral", token: clerk, json: #"{"postingId":"P-1"}"#)
            let referral = (referred.body["referrals"] as? [[String: Any]])?.first
            #expect(referral?["title"] as? String == "仓库管理员" && referral?["employer"] as? String == "演示物流有限公司")
            let noEmployer = try await api.call(
                .post, "/api/jobseekers/\(id)/closing", token: clerk, json: #"{"reason":"employed"}"#)
            #expect(noEmployer.status == 422 && noEmployer.body["code"] as? String == "invalid-employer")
            let closed = try await api.call(
                .post, "/api/jobseekers/\(id)/closing", token: clerk,
                json: #"{"reason":"employed","employer":"演示物流有限公司"}"#)
            #expect(closed.status == 200 && closed.body["promise"] as? String == "kept", "\(closed.text)")
            #expect(closed.body["open"] as? Bool == false && closed.body["closingName"] as? String == "实现就业")
            let afterClosing = try await api.call(
                .post, "/api/jobseekers/\(id)/follow-up", token: clerk, json: followUp)
            #expect(afterClosing.body["code"] as? String == "job-seeker-closed", "\(afterClosing.text)")

            let sent = try await terminal.store.pendingOutbox(limit: 50).filter { $0.command == "jobseeker.entry" }
            #expect(sent.count == 4, "registration, follow-up, referral, closing; nothing refused is sent")
            let ledger = try await terminal.store.ledger(about: .person(idNumber: terminal.here.idNumber))
            #expect(ledger.contains { $0.action == "jobseeker.close" && $0.detail == "id=\(id) reason=employed" })
            #expect(!ledger.contains { $0.detail.contains(terminal.here.idNumber) || $0.detail.contains("演示物流") })

            let printed = try await api.call(
                .post, "/api/print", token: clerk,
                json: #"{"key":"rc-1","document":"registration-certificate","jobSeekerId":"\#(id)"}"#)
            #expect(printed.status == 201, "\(printed.text)")
            let job = try #require(terminal.printer.submissions.last)
            #expect(job.document.title == "就业失业登记证明" && job.target == .queue("rig-a4"))
        }
    }

    @Test("a job seeker outside the clerk's jurisdiction is refused: registered, read, followed up or printed")
    func outsideTheJurisdiction() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            let elsewhere = try await api.call(
                .post, "/api/jobseekers", token: clerk, json: Self.registration(terminal.elsewhere.idNumber))
            #expect(
                elsewhere.status == 403 && elsewhere.body["code"] as? String == "outside-jurisdiction",
                "\(elsewhere.text)")
            let registered = try await api.call(
                .post, "/api/jobseekers", token: clerk, json: Self.registration(terminal.here.idNumber))
            let id = try #require(registered.body["id"] as? String, "\(registered.text)")
            let other = try await api.login("clerk-elsewhere")
            for (method, path, json) in [
                ("GET", "/api/jobseekers/\(id)", nil),
                ("POST", "/api/jobseekers/\(id)/follow-up", #"{"method":"visit","stillSeeking":true}"#),
                ("POST", "/api/jobseekers/\(id)/closing", #"{"reason":"moved-away"}"#),
                ("POST", "/api/print", #"{"key":"rc-x","document":"registration-certificate","jobSeekerId":"\#(id)"}"#),
            ] {
                let refused = try await api.call(method == "GET" ? .get : .post, path, token: other, json: json)
                #expect(
                    refused.status == 403 && refused.body["code"] as? String == "outside-jurisdiction",
                    "\(path): \(refused.text)")
            }
            let theirList = try await api.call(.get, "/api/jobseekers?filter=all", token: other)
            #expect(APIAnswer.lines(theirList.text)?.isEmpty == true, "\(theirList.text)")
            let technician = try await api.call(
                .post, "/api/jobseekers", token: try await api.login("technician1"),
                json: Self.registration(terminal.here.idNumber))
            #expect(technician.status == 403 && technician.body["code"] as? String == "forbidden")
            let sent = try await terminal.store.pendingOutbox(limit: 50).filter { $0.command == "jobseeker.entry" }
            #expect(sent.count == 1, "only the registration in the jurisdiction is sent")
        }
    }

    @Test(
        "the assistance register: a 4050 person checked by age, visits, a public-welfare post that closes the registration"
    )
    func assistance() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let until = JobPostingAPITests.day(terminal, plus: 30)
            let clerk = try await api.login("clerk1")
            let welfare = try await api.call(
                .post, "/api/jobs", token: clerk,
                json: JobPostingAPITests.posting(title: "保洁员", kind: "public-welfare", skills: [], until: until))
            let forklift = try await api.call(
                .post, "/api/jobs", token: clerk, json: JobPostingAPITests.posting(until: until))
            let (welfareID, forkliftID) = (
                try #require(welfare.body["id"] as? String), try #require(forklift.body["id"] as? String)
            )
            let registered = try await api.call(
                .post, "/api/jobseekers", token: clerk, json: Self.registration(terminal.here.idNumber))
            let id = try #require(registered.body["id"] as? String, "\(registered.text)")

            let early = try await api.call(
                .post, "/api/jobseekers/\(id)/visit", token: clerk, json: #"{"note":"在家"}"#)
            #expect(early.status == 409 && early.body["code"] as? String == "not-in-difficulty", "\(early.text)")
            // 张三 was born in 1985: a man of 41 is no 4050 person.
            let young = try await api.call(
                .post, "/api/jobseekers/\(id)/difficulty", token: clerk, json: #"{"categories":["aged-4050"]}"#)
            #expect(young.status == 422 && young.body["code"] as? String == "not-aged-4050", "\(young.text)")
            let none = try await api.call(
                .post, "/api/jobseekers/\(id)/difficulty", token: clerk, json: #"{"categories":[]}"#)
            #expect(none.status == 422, "\(none.text)")
            let recognised = try await api.call(
                .post, "/api/jobseekers/\(id)/difficulty", token: clerk,
                json: #"{"categories":["disabled","minimum-living-allowance"],"note":"持残疾证"}"#)
            #expect(recognised.body["difficultyNames"] as? [String] == ["残疾人", "低保家庭成员"], "\(recognised.text)")
            let visited = try await api.call(
                .post, "/api/jobseekers/\(id)/visit", token: clerk, json: #"{"note":"希望就近工作，推荐公益性岗位"}"#)
            #expect((visited.body["visits"] as? [Any])?.count == 1, "\(visited.text)")
            let assisted = try await api.call(.get, "/api/jobseekers?filter=assisted", token: clerk)
            #expect(APIAnswer.lines(assisted.text)?.map { $0["id"] as? String } == [id], "\(assisted.text)")

            let notWelfare = try await api.call(
                .post, "/api/jobseekers/\(id)/placement", token: clerk,
                json: #"{"postingId":"\#(forkliftID)","startsOn":"\#(until)"}"#)
            #expect(notWelfare.body["code"] as? String == "not-a-public-welfare-post", "\(notWelfare.text)")
            let placed = try await api.call(
                .post, "/api/jobseekers/\(id)/placement", token: clerk,
                json: #"{"postingId":"\#(welfareID)","startsOn":"\#(until)"}"#)
            #expect(placed.status == 200 && placed.body["open"] as? Bool == false, "\(placed.text)")
            #expect(placed.body["closingName"] as? String == "实现就业" && placed.body["promise"] as? String == "kept")
            #expect((placed.body["placement"] as? [String: Any])?["title"] as? String == "保洁员")
            let sent = try await terminal.store.pendingOutbox(limit: 50).filter { $0.command == "jobseeker.entry" }
            #expect(sent.count == 4, "registration, recognition, visit, placement")
        }
    }
}

import Foundation
import KioskCore
import Testing

@Suite("Training courses: posted at the desk, on the board with seats left, signed up for until closed or full")
struct TrainingCourseAPITests {
    static func course(
        _ terminal: TestTerminal, title: String = "电工培训", starts: Double = 10, ends: Double = 20,
        signUp: Double = 5, seats: Int = 1
    ) -> String {
        let day = { (days: Double) in JobPostingAPITests.day(terminal, plus: days) }
        return
            #"{"title":"\#(title)","provider":"县职业技能培训学校","place":"镇文化站","startsOn":"\#(day(starts))","endsOn":"\#(day(ends))","signUpUntil":"\#(day(signUp))","seats":\#(seats)}"#
    }

    static func signUp(_ course: String, idNumber: String? = nil) -> String {
        let person = idNumber.map { #","idNumber":"\#($0)""# } ?? ""
        return #"{"kind":"training-sign-up","details":{"course":"\#(course)"}\#(person)}"#
    }

    @Test(
        "a resident takes the last seat at the kiosk; the clerk is then refused course-full, and a closed course course-closed"
    )
    func seatsAndClosing() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            let posted = try await api.call(.post, "/api/courses", token: clerk, json: Self.course(terminal))
            #expect(posted.status == 201 && posted.body["seatsLeft"] as? Int == 1, "\(posted.text)")
            #expect(posted.body["takesSignUps"] as? Bool == true && posted.body["regionCode"] as? String == "430102001")
            let id = try #require(posted.body["id"] as? String)
            let other = try await api.call(
                .post, "/api/courses", token: clerk, json: Self.course(terminal, title: "育婴员培训", seats: 20))
            let otherID = try #require(other.body["id"] as? String, "\(other.text)")

            let resident = try await RetireeCheckAPITests().residentToken(api, terminal)
            let mine = try await api.call(.post, "/api/me/applications", token: resident, json: Self.signUp(id))
            #expect(mine.status == 201 && (mine.body["details"] as? [String: String])?["course"] == id, "\(mine.text)")
            let board = try await api.call(.get, "/api/courses")
            let line = APIAnswer.lines(board.text)?.first { $0["id"] as? String == id }
            #expect(line?["seatsLeft"] as? Int == 0 && line?["takesSignUps"] as? Bool == false, "\(board.text)")
            let full = try await api.call(
                .post, "/api/applications", token: clerk, json: Self.signUp(id, idNumber: terminal.here.idNumber))
            #expect(full.status == 409 && full.body["code"] as? String == "course-full", "\(full.text)")

            let closed = try await api.call(.post, "/api/courses/\(otherID)/close-sign-up", token: clerk)
            #expect(closed.status == 200 && closed.body["takesSignUps"] as? Bool == false, "\(closed.text)")
            let late = try await api.call(
                .post, "/api/applications", token: clerk, json: Self.signUp(otherID, idNumber: terminal.here.idNumber))
            #expect(late.status == 409 && late.body["code"] as? String == "course-closed", "\(late.text)")
            let unknown = try await api.call(
                .post, "/api/applications", token: clerk, json: Self.signUp("T9-C9", idNumber: terminal.here.idNumber))
            #expect(unknown.status == 404, "\(unknown.text)")
            let wish = try await api.call(
                .post, "/api/applications", token: clerk,
                json: #"{"kind":"training-sign-up","idNumber":"\#(terminal.here.idNumber)"}"#)
            #expect(wish.status == 201, "a sign-up naming no course registers the wish: \(wish.text)")
            let sent = try await terminal.store.pendingOutbox(limit: 50).filter { $0.command == "training.course" }
            #expect(sent.count == 3, "two courses and the closing")
        }
    }

    @Test("refused: a start in the past, sign-up after the end, no seats, outside the jurisdiction, the wrong role")
    func refusals() async throws {
        try await StaffAPITests().withAPI { api, terminal in
            let clerk = try await api.login("clerk1")
            for (body, code) in [
                (Self.course(terminal, starts: -1), "invalid-startsOn"),
                (Self.course(terminal, ends: 8), "invalid-endsOn"),
                (Self.course(terminal, signUp: 25), "invalid-signUpUntil"),
                (Self.course(terminal, seats: 0), "invalid-seats"),
            ] {
                let refused = try await api.call(.post, "/api/courses", token: clerk, json: body)
                #expect(refused.body["code"] as? String == code, "\(refused.text)")
            }
            let theirs = try await api.call(
                .post, "/api/courses", token: try await api.login("clerk-elsewhere"), json: Self.course(terminal))
            #expect(theirs.status == 403 && theirs.body["code"] as? String == "outside-jurisdiction")
            let auditor = try await api.call(
                .post, "/api/courses", token: try await api.login("auditor1"), json: Self.course(terminal))
            #expect(auditor.status == 403 && auditor.body["code"] as? String == "forbidden")
            #expect(try await terminal.store.pendingOutbox(limit: 50).allSatisfy { $0.command != "training.course" })
        }
    }
}

import Foundation
import KioskCore
import TestSupport
import Testing

/// The employment register between two terminals through a real centre: a registration, its
/// follow-up and a job and a course posted at one are at the other after a pull, where the same person cannot be
/// registered twice, is referred to that job and signs up for a course posted there.
@Suite("The employment register across terminals", .serialized)
struct JobSeekerProcessTests {
    typealias Sync = SyncProcessTests

    @Test(
        "registered and followed up at one terminal, seen and refused a second registration at the other",
        arguments: Sync.stores)
    func registeredAtOneSeenAtTheOther(store: CentreProcess.Store) async throws {
        try await Sync.withCentre(store, terminals: ["T-1", "T-2"]) { centre in
            try await Sync.withLoadedTerminal("T-1", centre) { _, first in
                let person = try #require(try await Sync.people(centre, id: "T-1").first)
                let registration: [String: Any] = [
                    "idNumber": person, "category": "registered-unemployed", "reason": "employer-closed",
                    "lastEmployer": "演示机械制造有限公司", "wantsJob": true, "zeroEmploymentFamily": false,
                ]
                var (code, data) = try await first.send("POST", "/api/jobseekers", json: registration)
                #expect(code == 201, "\(String(decoding: data, as: UTF8.self))")
                let registered = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                let id = try #require(registered["id"] as? String)
                #expect(id.hasPrefix("T-1-J"))
                (code, data) = try await first.send(
                    "POST", "/api/jobseekers/\(id)/follow-up", json: ["method": "visit", "stillSeeking": true])
                #expect(code == 200, "\(String(decoding: data, as: UTF8.self))")
                (code, data) = try await first.send(
                    "POST", "/api/jobs",
                    json: [
                        "title": "叉车司机", "employer": "演示物流有限公司", "kind": "full-time", "skills": ["叉车"],
                        "monthlyWageFromFen": 400_000, "monthlyWageToFen": 550_000, "until": "2099-12-31",
                        "contact": "13812345678",
                    ])
                #expect(code == 422, "a last day beyond a year is refused: \(String(decoding: data, as: UTF8.self))")
                let until = Self.day(in: 30)
                (code, data) = try await first.send(
                    "POST", "/api/jobs",
                    json: [
                        "title": "叉车司机", "employer": "演示物流有限公司", "kind": "full-time", "skills": ["叉车"],
                        "monthlyWageFromFen": 400_000, "monthlyWageToFen": 550_000, "until": until,
                        "contact": "13812345678",
                    ])
                #expect(code == 201, "\(String(decoding: data, as: UTF8.self))")
                let posting = try #require(
                    (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"] as? String)
                (code, data) = try await first.send(
                    "POST", "/api/courses",
                    json: [
                        "title": "叉车操作培训", "provider": "县职业技能培训学校", "startsOn": Self.day(in: 10),
                        "endsOn": Self.day(in: 20), "signUpUntil": Self.day(in: 5), "seats": 1,
                    ])
                #expect(code == 201, "\(String(decoding: data, as: UTF8.self))")
                let course = try #require(
                    (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"] as? String)
                _ = try await Sync.waitFor("the entries sent", first) { Sync.pending($0) == 0 }
                #expect(try await centre.query("SELECT id FROM jobSeeker") == [id])
                #expect(try await centre.query("SELECT id FROM jobPosting WHERE postedBy IS NOT NULL") == [posting])

                try await Sync.withLoadedTerminal("T-2", centre) { _, second in
                    try await Sync.eventually("the registration at T-2") {
                        try await Self.lines(second).map { $0["id"] as? String } == [id]
                    }
                    let line = try await Self.lines(second)[0]
                    #expect((line["followUps"] as? [Any])?.count == 1 && line["promise"] as? String == "running")
                    try await Sync.eventually("the posting on T-2's board") {
                        let (_, board) = try await second.send("GET", "/api/jobs?skill=%E5%8F%89%E8%BD%A6")
                        let jobs = try JSONSerialization.jsonObject(with: board) as? [[String: Any]]
                        return jobs?.contains { $0["id"] as? String == posting } == true
                    }
                    try await Sync.eventually("the course on T-2's board") {
                        let (_, board) = try await second.send("GET", "/api/courses")
                        let courses = try JSONSerialization.jsonObject(with: board) as? [[String: Any]]
                        return courses?.contains { $0["id"] as? String == course } == true
                    }
                    let (signedUp, signUp) = try await second.send(
                        "POST", "/api/applications",
                        json: ["kind": "training-sign-up", "idNumber": person, "details": ["course": course]])
                    #expect(signedUp == 201, "\(String(decoding: signUp, as: UTF8.self))")
                    let (referred, referral) = try await second.send(
                        "POST", "/api/jobseekers/\(id)/referral", json: ["postingId": posting])
                    #expect(referred == 200, "\(String(decoding: referral, as: UTF8.self))")
                    let (again, refusal) = try await second.send("POST", "/api/jobseekers", json: registration)
                    #expect(again == 409 && String(decoding: refusal, as: UTF8.self).contains("already-registered"))
                    let (closed, answer) = try await second.send(
                        "POST", "/api/jobseekers/\(id)/closing", json: ["reason": "employed", "employer": "演示物流有限公司"])
                    #expect(closed == 200, "\(String(decoding: answer, as: UTF8.self))")
                    _ = try await Sync.waitFor("the closing sent", second) { Sync.pending($0) == 0 }
                }
                try await Sync.eventually("the closing back at T-1") {
                    try await Self.lines(first, filter: "all").first?["promise"] as? String == "kept"
                }
            }
        }
    }

    /// The day `days` from today in China, "YYYY-MM-DD".
    static func day(in days: Double) -> String {
        let parts = WorkingCalendar.china.dateComponents(
            [.year, .month, .day], from: Date().addingTimeInterval(days * 86400))
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func lines(_ clerk: APIClient, filter: String = "open") async throws -> [[String: Any]] {
        let (code, data) = try await clerk.send("GET", "/api/jobseekers?filter=\(filter)")
        guard code == 200, let lines = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw CentreProcess.Failure("GET /api/jobseekers answered \(code)")
        }
        return lines
    }
}

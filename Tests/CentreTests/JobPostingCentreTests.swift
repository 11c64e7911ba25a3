import Centre
import Foundation
import KioskCore
import Testing
import Vocabulary

/// Job postings staff enter at a terminal: kept at the centre, sent to the terminals of their area
/// and, a county's, to those of every township in it; changed (taken down) by any terminal whose area
/// holds them. Both stores.
@Suite struct JobPostingCentreTests {
    static func posting(_ id: String, region: String, until: String = "2026-12-31") -> JobPosting {
        JobPosting(
            id: id, title: "仓库管理员", employer: "演示物流有限公司", regionCode: region, place: "镇工业园", kind: .fullTime,
            skills: ["叉车"], monthlyWageFromFen: 350_000, monthlyWageToFen: 450_000, postedOn: "2026-11-02",
            until: until,
            contact: "13812345678", postedBy: "clerk1")
    }

    @Test(arguments: StoreKind.testable)
    func postingsReachTheirAreaAndTheAreasBelow(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await Fixtures.load(store)
            let (township, _) = try Fixtures.terminal("T-101")
            let (sameTownship, _) = try Fixtures.terminal("T-102")
            let (neighbour, _) = try Fixtures.terminal("T-201", jurisdiction: Fixtures.neighbour)
            let (county, _) = try Fixtures.terminal("T-301", jurisdiction: Fixtures.county)
            var counter = 0
            func send(_ posting: JobPosting, from terminal: RegisteredTerminal) async throws -> SyncCommandResult {
                counter += 1
                let command = try Fixtures.command(.jobPosting, posting, key: "p\(counter)")
                return try #require(try await store.apply([command], from: terminal, at: Fixtures.now).first)
            }
            let village = Fixtures.home + "001"
            #expect(try await send(Self.posting("T-101-P1", region: village), from: township).outcome == .applied)
            #expect(try await send(Self.posting("T-301-P1", region: Fixtures.county), from: county).outcome == .applied)
            #expect(
                try await send(Self.posting("T-101-P2", region: Fixtures.home), from: sameTownship).reason?.hasPrefix(
                    "foreign-id") == true)
            #expect(
                try await send(Self.posting("T-101-P3", region: Fixtures.neighbour), from: township).reason?.hasPrefix(
                    "outside-jurisdiction") == true)
            #expect(
                try await send(Self.posting("T-101-P1", region: village, until: "2026-11-10"), from: neighbour).reason?
                    .hasPrefix("outside-jurisdiction") == true, "a neighbour takes down nothing of ours")
            #expect(
                try await send(Self.posting("T-101-P1", region: village, until: "2026-11-10"), from: sameTownship)
                    .outcome
                    == .applied, "another terminal of the township takes it down")
            #expect(
                try await send(Self.posting("T-301-P1", region: Fixtures.county, until: "2026-11-10"), from: township)
                    .reason?.hasPrefix("outside-jurisdiction") == true,
                "the county's posting is the county's to take down")

            func pulled(_ jurisdiction: String) async throws -> [String: JobPosting] {
                let page = try await store.changes(
                    after: SyncCursor(0), in: try Jurisdiction(jurisdiction), limit: 100_000, at: Fixtures.now
                ).page
                return Dictionary(page.jobPostings.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
            }
            let home = try await pulled(Fixtures.home)
            #expect(home["T-101-P1"]?.until == "2026-11-10" && home["T-101-P1"]?.skills == ["叉车"])
            #expect(home["T-301-P1"] != nil, "the county's posting reaches the township")
            #expect(try await pulled(village)["T-301-P1"] != nil, "and a village's terminal")
            let theirs = try await pulled(Fixtures.neighbour)
            #expect(theirs["T-101-P1"] == nil && theirs["T-301-P1"] != nil)
            let first = try #require(
                try await store.snapshotPage(of: try Jurisdiction(Fixtures.neighbour), after: nil, people: 5))
            #expect(first.jobPostings.contains { $0.id == "T-301-P1" }, "a first load carries the county's postings")
            #expect(!first.jobPostings.contains { $0.id == "T-101-P1" })
        }
    }

    @Test(arguments: StoreKind.testable)
    func coursesReachTheAreasBelowAndAreClosedByTheirArea(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await Fixtures.load(store)
            let (county, _) = try Fixtures.terminal("T-301", jurisdiction: Fixtures.county)
            let (township, _) = try Fixtures.terminal("T-101")
            var course = TrainingCourse(
                id: "T-301-C1", title: "电工培训", provider: "县职业技能培训学校", regionCode: Fixtures.county, place: "县城",
                startsOn: "2026-11-10", endsOn: "2026-11-20", signUpUntil: "2026-11-05", seats: 30, postedBy: "county1")
            func send(_ course: TrainingCourse, from terminal: RegisteredTerminal, key: String) async throws
                -> SyncCommandResult
            {
                try #require(
                    try await store.apply(
                        [try Fixtures.command(.trainingCourse, course, key: key)], from: terminal, at: Fixtures.now
                    ).first)
            }
            #expect(try await send(course, from: county, key: "c1").outcome == .applied)
            var theirs = course
            theirs.id = "T-301-C2"
            #expect(try await send(theirs, from: township, key: "c2").reason?.hasPrefix("foreign-id") == true)
            course.signUpUntil = "2026-11-01"
            #expect(
                try await send(course, from: township, key: "c3").reason?.hasPrefix("outside-jurisdiction") == true,
                "the county's course is the county's to close")
            #expect(try await send(course, from: county, key: "c4").outcome == .applied)
            var malformed = course
            malformed.seats = 0
            #expect(try await send(malformed, from: county, key: "c5").reason?.hasPrefix("malformed-payload") == true)
            let page = try await store.changes(
                after: SyncCursor(0), in: try Jurisdiction(Fixtures.home), limit: 100_000, at: Fixtures.now
            ).page
            #expect(page.trainingCourses == [course], "the county's course, closed, reaches the township")
            let first = try #require(
                try await store.snapshotPage(of: try Jurisdiction(Fixtures.neighbour), after: nil, people: 5))
            #expect(first.trainingCourses == [course], "and every first load of the county")
        }
    }
}

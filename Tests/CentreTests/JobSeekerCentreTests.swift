import Centre
import Foundation
import KioskCore
import Testing
import Vocabulary

/// The employment register at the centre: each registration and entry a terminal sends, judged with
/// the terminal's rules and refused outside its jurisdiction, then pulled by the terminals of the
/// person's area. Both stores.
@Suite struct JobSeekerCentreTests {
    static func registration(at date: Date = Fixtures.now) -> JobSeekerRegistration {
        JobSeekerRegistration(
            category: .registeredUnemployed, reason: .contractEnded, lastEmployer: "演示机械制造有限公司", wantsJob: true,
            zeroEmploymentFamily: false, by: "clerk1", at: date, promiseDue: date.addingTimeInterval(14 * 86400))
    }

    @Test(arguments: StoreKind.testable)
    func entriesAreJudgedAndPulledByThePersonsArea(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, neighbour) = try await Fixtures.load(store)
            let (township, _) = try Fixtures.terminal("T-101")
            let person = try #require(home.flatMap(\.people).first).idNumber
            let other = try #require(home.flatMap(\.people).dropFirst().first).idNumber
            let theirs = try #require(neighbour.flatMap(\.people).first).idNumber
            var counter = 0
            func send(_ id: String, _ idNumber: String, _ entry: JobSeekerEntry) async throws -> SyncCommandResult {
                counter += 1
                let command = try Fixtures.command(
                    .jobSeeker, JobSeekerPayload(id: id, idNumber: idNumber, entry: entry), key: "j\(counter)")
                return try #require(try await store.apply([command], from: township, at: Fixtures.now).first)
            }
            let registration = JobSeekerEntry.registration(Self.registration())
            #expect(try await send("T-101-J1", person, registration).outcome == .applied)
            #expect(try await send("T-101-J1", other, registration).reason?.hasPrefix("job-seeker-id-taken") == true)
            #expect(try await send("T-101-J2", person, registration).reason?.hasPrefix("already-registered") == true)
            #expect(try await send("T-999-J1", other, registration).reason?.hasPrefix("foreign-id") == true)
            let outside = try await send("T-101-J3", theirs, registration)
            #expect(
                outside.reason?.hasPrefix("outside-jurisdiction") == true, "a person of another township: \(outside)")

            let call = JobSeekerEntry.followUp(
                JobSeekerFollowUp(method: .visit, stillSeeking: true, note: nil, by: "clerk1", at: Fixtures.now))
            #expect(try await send("T-101-J1", person, call).outcome == .applied)
            #expect(try await send("T-101-J1", person, call).reason?.hasPrefix("already-followed-up") == true)
            #expect(try await send("T-101-J9", person, call).reason?.hasPrefix("not-a-job-seeker") == true)
            let job = JobSeekerEntry.closing(
                JobSeekerClosing(reason: .employed, employer: "演示物流公司", by: "clerk1", at: Fixtures.now))
            #expect(try await send("T-101-J1", person, job).outcome == .applied)
            let referral = JobSeekerEntry.referral(
                JobReferral(postingID: "P1", title: "仓管员", employer: "演示物流公司", by: "clerk1", at: Fixtures.now))
            #expect(try await send("T-101-J1", person, referral).reason?.hasPrefix("job-seeker-closed") == true)
            #expect(
                try await send("T-101-J4", person, registration).outcome == .applied, "registered again once closed")

            let placement = JobSeekerEntry.placement(
                PublicWelfarePlacement(
                    postingID: "P2", title: "保洁员", employer: "镇人民政府", startsOn: "2026-11-05", by: "clerk1",
                    at: Fixtures.now))
            #expect(try await send("T-101-J4", person, placement).reason?.hasPrefix("not-in-difficulty") == true)
            let recognised = JobSeekerEntry.difficulty(
                EmploymentDifficulty(categories: [.disabled], note: nil, by: "clerk1", at: Fixtures.now))
            #expect(try await send("T-101-J4", person, recognised).outcome == .applied)
            #expect(try await send("T-101-J4", person, placement).outcome == .applied)

            var both = JobSeekerPayload(id: "T-101-J1", idNumber: person, entry: call)
            both.closing = JobSeekerClosing(reason: .retired, employer: nil, by: "clerk1", at: Fixtures.now)
            let malformed = try await store.apply(
                [try Fixtures.command(.jobSeeker, both, key: "both")], from: township, at: Fixtures.now)
            #expect(malformed.first?.reason?.hasPrefix("malformed-payload") == true)

            let pulled = try await store.changes(
                after: SyncCursor(0), in: try Jurisdiction(Fixtures.home), limit: 100_000, at: Fixtures.now)
            let kept = Dictionary(pulled.page.jobSeekers.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
            #expect(Set(kept.keys) == ["T-101-J1", "T-101-J4"])
            #expect(kept["T-101-J4"]?.placement?.employer == "镇人民政府" && kept["T-101-J4"]?.isOpen == false)
            #expect(kept["T-101-J1"]?.followUps.count == 1 && kept["T-101-J1"]?.closing?.employer == "演示物流公司")
            #expect(kept["T-101-J1"]?.promiseState(at: Fixtures.now) == .kept)
            let theirPull = try await store.changes(
                after: SyncCursor(0), in: try Jurisdiction(Fixtures.neighbour), limit: 100_000, at: Fixtures.now)
            #expect(theirPull.page.jobSeekers.isEmpty, "the neighbour's terminals see none of it")
            var snapshot: [JobSeeker] = []
            var position: SnapshotPosition?
            while let page = try await store.snapshotPage(
                of: try Jurisdiction(Fixtures.home), after: position, people: 5)
            {
                snapshot += page.jobSeekers
                guard let last = page.people.last else { break }
                position = SnapshotPosition(regionCode: last.regionCode, idNumber: last.idNumber)
            }
            #expect(Set(snapshot.map(\.id)) == ["T-101-J1", "T-101-J4"], "a first load carries the register")
        }
    }
}

import Foundation
import KioskCore
import Testing
import Vocabulary

@Suite("The employment register in the terminal's store")
struct JobSeekerStoreTests {
    typealias F = StoreFixture

    static func registration(at date: Date) -> JobSeekerRegistration {
        JobSeekerRegistration(
            category: .registeredUnemployed, reason: .dismissed, lastEmployer: nil, wantsJob: true,
            zeroEmploymentFamily: false, by: "clerk-1", at: date, promiseDue: date.addingTimeInterval(14 * 86400))
    }

    @Test("registered once at a time, sent with each entry, the centre's copy kept except over an unsent entry")
    func registerAndKeep() async throws {
        try await F.with { fixture in
            let store = fixture.store
            let pages = Array(ReferenceDataTests.township)
            for page in pages { try await store.applyReferenceData(page) }
            let people = pages.flatMap(\.people)
            let (first, second) = (people[0], people[1])

            let registered = try await store.register(
                jobSeeker: first.idNumber, Self.registration(at: F.monday), by: F.clerk, at: F.monday)
            #expect(registered.id.hasSuffix("-J1") && registered.isOpen)
            let again = await #expect(throws: KioskError.self) {
                try await store.register(
                    jobSeeker: first.idNumber, Self.registration(at: F.monday), by: F.clerk, at: F.monday)
            }
            #expect(again?.code == "already-registered")
            let followUp = JobSeekerFollowUp(method: .phone, stillSeeking: true, note: nil, by: "clerk-1", at: F.monday)
            let followed = try await store.record(
                .followUp(followUp), onJobSeeker: registered.id, by: F.clerk, at: F.monday)
            #expect(followed.followUps == [followUp])
            let sent = try await store.pendingOutbox(limit: 10).filter { $0.command == "jobseeker.entry" }
            #expect(sent.count == 2, "the registration and the follow-up")
            let ledger = try await store.ledger(about: .person(idNumber: first.idNumber))
            #expect(ledger.map(\.action).suffix(2) == ["jobseeker.register", "jobseeker.follow-up"])
            #expect(!ledger.contains { $0.detail.contains(first.idNumber) })

            // The centre's copy without the follow-up comes down before the follow-up is sent.
            try await store.applyReferenceData(
                ReferenceDataPage(jobSeekers: [registered], cursor: "c1", asOf: F.monday))
            #expect(try await store.jobSeeker(registered.id)?.followUps == [followUp])
            try await store.acknowledge(try await store.pendingOutbox(limit: 10).map(\.idempotencyKey))
            let elsewhere = JobSeeker(
                id: "T9-J4", idNumber: second.idNumber, registration: Self.registration(at: F.monday))
            try await store.applyReferenceData(
                ReferenceDataPage(jobSeekers: [registered, elsewhere], cursor: "c2", asOf: F.monday))
            #expect(try await store.jobSeeker(registered.id) == registered, "once sent, the centre's copy stands")
            #expect(
                Set(try await store.jobSeekers(region: "430102001").map(\.jobSeeker.id)) == [registered.id, "T9-J4"])
            #expect(try await store.jobSeekers(region: "430103").isEmpty)
            #expect(try await store.jobSeekers(of: second.idNumber) == [elsewhere])

            try await store.applyReferenceData(
                ReferenceDataPage(
                    removals: [ReferenceRemoval(.person(idNumber: second.idNumber), reason: .movedOut)], cursor: "c3",
                    asOf: F.monday))
            #expect(try await store.jobSeeker("T9-J4") == nil, "a person removed takes their registrations")
            let unknown = await #expect(throws: KioskError.self) {
                try await store.record(.followUp(followUp), onJobSeeker: "T9-J4", by: F.clerk, at: F.monday)
            }
            #expect(unknown?.code == "not-a-job-seeker")
        }
    }
}

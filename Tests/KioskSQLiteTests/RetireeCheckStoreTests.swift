import Foundation
import KioskCore
import Testing
import Vocabulary

@Suite("Retirees' checks in the terminal's store")
struct RetireeCheckStoreTests {
    typealias F = StoreFixture

    @Test("the centre's copies are kept, except over an entry still to be sent; a person removed takes their check")
    func centreCopies() async throws {
        try await F.with { fixture in
            let store = fixture.store
            let pages = Array(ReferenceDataTests.township)
            for page in pages { try await store.applyReferenceData(page) }
            let people = pages.flatMap(\.people)
            let (first, second) = (people[0], people[1])
            let dueBy = F.monday.addingTimeInterval(10 * 86400)
            let published = [first, second].map { RetireeCheck(idNumber: $0.idNumber, year: 2026, dueBy: dueBy) }
            try await store.applyReferenceData(
                ReferenceDataPage(retireeChecks: published, cursor: "c1", asOf: F.monday))
            #expect(try await store.retireeCheck(of: first.idNumber) == published[0])
            #expect(
                try await store.retireeChecks(region: "430102001").map(\.check)
                    == published.sorted { $0.idNumber < $1.idNumber })
            #expect(try await store.retireeChecks(region: "430103").isEmpty)

            let visit = RetireeCertification(method: .homeVisit, by: "clerk-1", at: F.monday, note: "在家")
            let recorded = try await store.record(
                .certification(visit), onCheckOf: first.idNumber, at: .township, by: F.clerk, at: F.monday)
            #expect(recorded.certification?.method == .homeVisit)
            // The centre's older copy, without the visit, comes down before the visit is sent.
            try await store.applyReferenceData(
                ReferenceDataPage(retireeChecks: published, cursor: "c2", asOf: F.monday))
            #expect(try await store.retireeCheck(of: first.idNumber)?.certification == visit)
            // Once sent, the centre's copy stands; a newer year becomes the person's latest.
            try await store.acknowledge(try await store.pendingOutbox(limit: 10).map(\.idempotencyKey))
            var next = published[0]
            next.year = 2027
            try await store.applyReferenceData(
                ReferenceDataPage(retireeChecks: [published[0], next], cursor: "c3", asOf: F.monday))
            #expect(try await store.retireeCheck(of: first.idNumber) == next)
            #expect(try await store.retireeChecks(region: "430102001").map(\.check.year).sorted() == [2026, 2027])

            try await store.applyReferenceData(
                ReferenceDataPage(
                    removals: [ReferenceRemoval(.person(idNumber: second.idNumber), reason: .movedOut)], cursor: "c4",
                    asOf: F.monday))
            #expect(try await store.retireeCheck(of: second.idNumber) == nil)
            let refused = await #expect(throws: KioskError.self) {
                try await store.record(
                    .certification(visit), onCheckOf: second.idNumber, at: .township, by: F.clerk, at: F.monday)
            }
            #expect(refused?.code == "not-a-retiree")
        }
    }
}

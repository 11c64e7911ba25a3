import Foundation
import KioskCore
import Testing
import Vocabulary

@Suite("Reference data from the centre")
struct ReferenceDataTests {
    typealias F = StoreFixture

    static let township = SyntheticTownship(
        seed: 9, regionCode: "430102001", people: 60, months: 36, lastMonth: YearMonth(year: 2026, month: 10)!,
        pageSize: 25)

    @Test("pages load, and every query answers exactly what the centre sent")
    func roundTrip() async throws {
        try await F.with { fixture in
            let store = fixture.store
            let pages = Array(Self.township)
            for page in pages { try await store.applyReferenceData(page) }
            #expect(try await store.referenceDataCursor() == "synthetic:430102001:60")
            #expect(try await store.cacheAsOf() == Self.township.asOf)

            for person in pages.flatMap(\.people) {
                #expect(try await store.person(person.idNumber) == person)
                let enrolments = pages.flatMap(\.enrolments).filter { $0.idNumber == person.idNumber }
                #expect(Set(try await store.enrolments(of: person.idNumber)) == Set(enrolments))
                let contributions = pages.flatMap(\.contributions).filter { $0.idNumber == person.idNumber }
                let stored = try await store.contributions(of: person.idNumber, insurance: nil, from: nil, to: nil)
                #expect(Set(stored) == Set(contributions))
                #expect(stored.map(\.month) == stored.map(\.month).sorted(by: >))
                let payments = pages.flatMap(\.pensionPayments).filter { $0.idNumber == person.idNumber }
                #expect(try await store.pensionPayments(of: person.idNumber) == payments.sorted { $0.month > $1.month })
                let cards = pages.flatMap(\.cardRecords).filter { $0.idNumber == person.idNumber }
                #expect(try await store.cardRecords(of: person.idNumber) == cards)
            }
            #expect(
                try await store.jobPostings(inRegion: "430102001", shownOn: "2999-01-01", limit: 100).count
                    == pages[0].jobPostings.count)
            #expect(try await store.jobPostings(inRegion: "430103", shownOn: "2999-01-01", limit: 100).isEmpty)
            #expect(try await store.person("430102199001011234") == nil)
        }
    }

    @Test("removals from the centre take the record out, each with a ledger entry that names no one in full")
    func removals() async throws {
        try await F.with { fixture in
            let store = fixture.store
            let pages = Array(Self.township)
            for page in pages { try await store.applyReferenceData(page) }
            let people = pages.flatMap(\.people)
            let holder = try #require(pages.flatMap(\.cardRecords).first?.idNumber)
            let gone = try #require(people.first { $0.idNumber == holder })
            let others = people.filter { $0.idNumber != holder }
            let enrolment = try #require(pages.flatMap(\.enrolments).first { $0.idNumber == others[0].idNumber })
            let card = try #require(pages.flatMap(\.cardRecords).first { $0.idNumber != holder })
            let posting = try #require(pages[0].jobPostings.first)
            let ledgerBefore = try await store.ledger(from: 0, limit: 1000).count

            var page = ReferenceDataPage(
                removals: [
                    ReferenceRemoval(.person(idNumber: gone.idNumber), reason: .movedOut),
                    ReferenceRemoval(
                        .enrolment(
                            idNumber: enrolment.idNumber, insurance: enrolment.insurance, since: enrolment.since),
                        reason: .removed),
                    ReferenceRemoval(.card(cardNumber: card.cardNumber), reason: .removed),
                    ReferenceRemoval(.jobPosting(id: posting.id), reason: .removed),
                    // Never held here: nothing to remove, nothing to record.
                    ReferenceRemoval(.person(idNumber: "430102199001011234"), reason: .removed),
                ], cursor: "next", asOf: Self.township.asOf)
            try await store.applyReferenceData(page)

            #expect(try await store.person(gone.idNumber) == nil)
            #expect(try await store.contributions(of: gone.idNumber, insurance: nil, from: nil, to: nil).isEmpty)
            #expect(try await store.pensionPayments(of: gone.idNumber).isEmpty)
            #expect(try await store.cardRecords(of: gone.idNumber).isEmpty)
            #expect(try await store.enrolments(of: enrolment.idNumber).contains(enrolment) == false)
            #expect(try await store.person(enrolment.idNumber) != nil)
            #expect(try await store.cardRecords(of: card.idNumber).contains(card) == false)
            #expect(
                try await store.jobPostings(inRegion: "430102001", shownOn: "2999-01-01", limit: 100).contains(posting)
                    == false)
            #expect(try await store.referenceDataCursor() == "next")

            let entries = try await store.ledger(from: 0, limit: 1000).dropFirst(ledgerBefore)
            #expect(
                entries.map(\.action) == [
                    "reference.moved-out", "reference.removed", "reference.removed", "reference.removed",
                ])
            #expect(entries.allSatisfy { $0.actor == "centre" })
            #expect(
                entries.map(\.subject) == [
                    LedgerSubject.person(idNumber: gone.idNumber).ledgerText,
                    LedgerSubject.person(idNumber: enrolment.idNumber).ledgerText,
                    "card:" + card.cardNumber, "jobPosting:" + posting.id,
                ])
            for entry in entries {
                for person in people { #expect(!"\(entry.subject) \(entry.detail)".contains(person.idNumber)) }
            }

            // A removal and the record again in one page: the record stands (rows are newer).
            page.removals = [ReferenceRemoval(.jobPosting(id: posting.id), reason: .removed)]
            page.jobPostings = [posting]
            try await store.applyReferenceData(page)
            #expect(
                try await store.jobPostings(inRegion: "430102001", shownOn: "2999-01-01", limit: 100).contains(posting))
        }
    }

    @Test(
        "staff accounts from the centre replace the terminal's, outside its area are not kept, and leave on a removal")
    func staffFromTheCentre() async throws {
        try await F.with { fixture in
            let store = fixture.store
            func account(_ id: String, _ area: String, disabled: Bool = false) throws -> StaffAccount {
                StaffAccount(
                    member: StaffMember(id: id, name: id, role: .clerk, jurisdiction: try Jurisdiction(area)),
                    password: PasswordHash(encoded: "scrypt$16384$8$1$00$\(id)"), mustChangePassword: true,
                    isDisabled: disabled)
            }
            try await store.addStaff(
                try account("clerk-1", "430102001"), by: .administrator(account: "root"), at: Date())
            let fromCentre = try account("clerk-1", "430102001001", disabled: true)
            let elsewhere = try account("clerk-2", "430102002")
            try await store.applyReferenceData(
                ReferenceDataPage(staff: [fromCentre, elsewhere], cursor: "1", asOf: Date()))
            #expect(try await store.staff("clerk-1") == fromCentre)
            #expect(try await store.staff("clerk-2") == nil)
            let entries = try await store.ledger(about: .staff(id: "clerk-1"))
            #expect(entries.map(\.action) == ["staff.added", "staff.from-centre"])
            #expect(entries.last?.actor == "centre" && entries.last?.detail.contains("disabled=true") == true)
            #expect(!entries.contains { $0.detail.contains("scrypt") })

            try await store.applyReferenceData(
                ReferenceDataPage(
                    removals: [ReferenceRemoval(.staff(id: "clerk-1"), reason: .movedOut)], cursor: "2", asOf: Date()))
            #expect(try await store.staff("clerk-1") == nil)
            #expect(try await store.ledger(about: .staff(id: "clerk-1")).last?.action == "reference.moved-out")
        }
    }

    @Test("contributions filter by insurance and by a range of months, newest first")
    func contributionFilters() async throws {
        try await F.with { fixture in
            let page = try #require(Self.township.first { _ in true })
            try await fixture.store.applyReferenceData(page)
            let busiest = Dictionary(grouping: page.contributions, by: \.idNumber).max {
                $0.value.count < $1.value.count
            }!
            let from = YearMonth(year: 2025, month: 2)!
            let to = YearMonth(year: 2025, month: 11)!
            let stored = try await fixture.store.contributions(
                of: busiest.key, insurance: .enterprisePension, from: from, to: to)
            let expected = busiest.value.filter {
                $0.insurance == .enterprisePension && $0.month >= from && $0.month <= to
            }
            .sorted { $0.month > $1.month }
            #expect(!expected.isEmpty)
            #expect(stored == expected)
        }
    }

    @Test("a summary and a person's contributions from one snapshot answer what the separate reads do")
    func oneSnapshotReads() async throws {
        try await F.with { fixture in
            let store = fixture.store
            for page in Self.township { try await store.applyReferenceData(page) }
            let open = try await store.submit(
                ApplicationDraft(
                    kind: .unemploymentRegistration, idNumber: Self.township.first { _ in true }!.people[0].idNumber),
                by: F.clerk, at: F.monday)
            for person in Array(Self.township).flatMap(\.people) {
                let summary = try #require(try await store.summary(of: person.idNumber))
                #expect(summary.person == (try await store.person(person.idNumber)))
                #expect(summary.enrolments == (try await store.enrolments(of: person.idNumber)))
                #expect(summary.cards == (try await store.cardRecords(of: person.idNumber)))
                let openApplications = try await store.applications(
                    ApplicationFilter(idNumber: person.idNumber, statuses: [.submitted, .needsReview, .approved]))
                #expect(summary.openApplications == openApplications)
                #expect(summary.openApplications.contains(open) == (person.idNumber == open.idNumber))
                #expect(summary.asOf == (try await store.cacheAsOf()))
                let from = YearMonth(year: 2025, month: 2)!
                let both = try #require(
                    try await store.personWithContributions(
                        person.idNumber, insurance: .enterprisePension, from: from, to: nil))
                #expect(both.person == person)
                #expect(
                    both.contributions
                        == (try await store.contributions(
                            of: person.idNumber, insurance: .enterprisePension, from: from, to: nil))
                )
            }
            #expect(try await store.summary(of: "430102199001011234") == nil)
            #expect(
                try await store.personWithContributions("430102199001011234", insurance: nil, from: nil, to: nil) == nil
            )
        }
    }

    @Test("the same page applied twice leaves the same database")
    func idempotent() async throws {
        try await F.with { fixture in
            let pages = Array(Self.township)
            for page in pages { try await fixture.store.applyReferenceData(page) }
            let once = try fixture.dump()
            try await fixture.store.applyReferenceData(pages[1])
            try await fixture.store.applyReferenceData(pages.last!)
            #expect(try fixture.dump() == once)
        }
    }

    @Test("an older version from the centre never replaces a newer one; a card's local steps are not undone")
    func staleDataLoses() async throws {
        try await F.with { fixture in
            let store = fixture.store
            let page = try #require(Self.township.first { _ in true })
            var newer = page.people[0]
            newer.phone = "13900000000"
            newer.version = 2
            try await store.applyReferenceData(ReferenceDataPage(people: [newer], cursor: "c1", asOf: F.monday))
            try await store.applyReferenceData(page)
            #expect(try await store.person(newer.idNumber) == newer)

            // The card is reported lost here before the centre's copy, with one step fewer, comes again.
            let card = try #require(page.cardRecords.first { $0.status == .active })
            let lost = try await store.move(card: card.cardNumber, to: .lost, by: F.clerk, at: F.monday)
            try await store.applyReferenceData(page)
            #expect(try await store.cardRecords(of: card.idNumber) == [lost])
            #expect(try await store.cardRecords(in: .lost, region: "430102001").contains(lost))
        }
    }
}

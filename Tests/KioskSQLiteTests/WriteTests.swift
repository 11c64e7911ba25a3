import Foundation
import GRDB
import KioskCore
import Testing
import Vocabulary

@testable import KioskSQLite

@Suite("Writes that matter: domain row, outbox entry and ledger entry in one transaction")
struct WriteTests {
    typealias F = StoreFixture
    let person = F.residents[0]

    @Test("a year the centre published counts: its holiday moves a time limit on, and is on the ledger")
    func publishedCalendar() async throws {
        try await F.with { fixture in
            let before = try await fixture.store.submit(
                ApplicationDraft(kind: .residentPensionEnrolment, idNumber: person), by: F.clerk, at: F.monday)
            let day = WorkingCalendar.china.dateComponents(
                [.year, .month, .day], from: F.monday.addingTimeInterval(86_400))
            let tuesday = String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
            let year = WorkingCalendar.PublishedYear(
                year: day.year!, holidays: [tuesday], workdays: [], source: "test arrangement")
            try await fixture.store.applyReferenceData(
                ReferenceDataPage(calendarYears: [year], cursor: "1", asOf: F.monday))
            #expect(try await fixture.store.workingCalendar().years.contains(year))
            let after = try await fixture.store.submit(
                ApplicationDraft(kind: .residentPensionEnrolment, idNumber: F.residents[1]), by: F.clerk, at: F.monday)
            let limit = WorkingCalendar(years: []).endOfWorkingDay(
                ApplicationKind.residentPensionEnrolment.timeLimitDays, after: F.monday)
            #expect(
                before.deadline
                    == WorkingCalendar.published.endOfWorkingDay(
                        ApplicationKind.residentPensionEnrolment.timeLimitDays, after: F.monday))
            #expect(
                after.deadline
                    == WorkingCalendar(years: []).endOfWorkingDay(
                        ApplicationKind.residentPensionEnrolment.timeLimitDays + 1, after: F.monday))
            #expect(after.deadline > limit)
            let line = try #require(try await fixture.store.ledger(from: 1, limit: 10).last)
            #expect(line.action == "application.submit")
            #expect(
                try await fixture.store.ledger(about: .terminal).contains {
                    $0.action == "calendar.from-centre" && $0.detail.contains("test arrangement")
                })
        }
    }

    @Test("a submission writes one application, one outbox entry and one ledger entry")
    func submit() async throws {
        try await F.with { fixture in
            let application = try await fixture.store.submit(
                ApplicationDraft(kind: .residentPensionEnrolment, idNumber: person, details: ["phone": "13800000000"]),
                by: F.clerk, at: F.monday)
            #expect(try fixture.counts() == ["application": 1, "card": 0, "outbox": 1, "ledger": 1])
            #expect(application.id == "T-0001-1")
            #expect(application.status == .submitted)
            #expect(application.submittedBy == "clerk-1")
            #expect(try await fixture.store.application(application.id) == application)

            let entry = try #require(try await fixture.store.pendingOutbox(limit: 10).first)
            #expect(entry.command == "application.submit")
            #expect(entry.idempotencyKey == "T-0001-1-\(F.monday.milliseconds)")
            #expect(entry.baseVersion == nil)
            #expect(try SyncJSON.decoder().decode(Application.self, from: entry.payload) == application)

            let line = try #require(try await fixture.store.ledger(from: 1, limit: 10).first)
            #expect(line.actor == "clerk-1")
            #expect(line.action == "application.submit")
            #expect(line.subject == "application:T-0001-1")
            #expect(line.terminalID == "T-0001")
            #expect(line.regionCode == "430102001")
            #expect(line.atMilliseconds == F.monday.milliseconds)
        }
    }

    @Test("a move writes the new status and one outbox entry with the base version, and one ledger entry")
    func move() async throws {
        try await F.with { fixture in
            let submitted = try await fixture.store.submit(
                ApplicationDraft(kind: .residentPensionEnrolment, idNumber: person), by: F.clerk, at: F.monday)
            let approved = try await fixture.store.move(
                application: submitted.id, to: .approved, by: F.supervisor, at: F.monday.addingTimeInterval(60))
            #expect(approved.approvedBy == "supervisor-1")
            #expect(try fixture.counts() == ["application": 1, "card": 0, "outbox": 2, "ledger": 2])
            let completed = try await fixture.store.move(
                application: submitted.id, to: .completed, by: F.clerk, at: F.monday.addingTimeInterval(120))
            #expect(completed.completedAt == F.monday.addingTimeInterval(120))
            #expect(try await fixture.store.application(submitted.id) == completed)

            let moves = try await fixture.store.pendingOutbox(limit: 10).filter { $0.command == "application.move" }
            #expect(moves.map(\.baseVersion) == [1, 2])
            let payload = try SyncJSON.decoder().decode(ApplicationMovePayload.self, from: moves[0].payload)
            #expect(payload.status == .approved)
            #expect(payload.by == "supervisor-1")
            let details = try await fixture.store.ledger(from: 2, limit: 10).map(\.detail)
            #expect(details == ["from=submitted to=approved", "from=approved to=completed"])
        }
    }

    enum FailedWrite: String, CaseIterable {
        case illegalTransition, sameClerkApproves, unknownApplication, illegalCardMove, unknownCard, takenCardNumber
    }

    @Test("a refused write leaves no row, no outbox entry and no ledger entry", arguments: FailedWrite.allCases)
    func refused(_ write: FailedWrite) async throws {
        try await F.with { fixture in
            let application = try await fixture.store.submit(
                ApplicationDraft(kind: .residentPensionEnrolment, idNumber: person), by: F.clerk, at: F.monday)
            _ = try await fixture.store.requestCard(cardNumber: "A12345678", for: person, by: F.clerk, at: F.monday)
            let before = try fixture.dump()
            let expected: KioskError
            switch write {
            case .illegalTransition: expected = .illegalTransition(from: "", to: "", chinese: "")
            case .sameClerkApproves: expected = .sameClerk
            case .unknownApplication, .unknownCard: expected = .notFound("", chinese: "")
            case .illegalCardMove: expected = .illegalTransition(from: "", to: "", chinese: "")
            case .takenCardNumber: expected = .cardNumberTaken
            }
            await #expect(throws: expected) {
                switch write {
                case .illegalTransition:
                    _ = try await fixture.store.move(
                        application: application.id, to: .completed, by: F.clerk, at: F.monday)
                case .sameClerkApproves:
                    _ = try await fixture.store.move(
                        application: application.id, to: .approved, by: F.clerk, at: F.monday)
                case .unknownApplication:
                    _ = try await fixture.store.move(
                        application: "T-0001-99", to: .approved, by: F.supervisor, at: F.monday)
                case .illegalCardMove:
                    _ = try await fixture.store.move(card: "A12345678", to: .active, by: F.clerk, at: F.monday)
                case .unknownCard:
                    _ = try await fixture.store.move(card: "B00000000", to: .inProduction, by: F.clerk, at: F.monday)
                case .takenCardNumber:
                    _ = try await fixture.store.requestCard(
                        cardNumber: "A12345678", for: F.residents[1], by: F.clerk, at: F.monday)
                }
            }
            #expect(try fixture.dump() == before)
        }
    }

    @Test("nothing is written on a terminal that has no identity yet")
    func notInstalled() async throws {
        try await F.with(installed: false) { fixture in
            await #expect(throws: KioskError.terminalNotInstalled) {
                _ = try await fixture.store.submit(
                    ApplicationDraft(kind: .lossReport, idNumber: person), by: F.clerk, at: F.monday)
            }
            await #expect(throws: KioskError.terminalNotInstalled) {
                try await fixture.store.log(
                    "person.read", subject: .person(idNumber: person), by: F.clerk, detail: "", at: F.monday)
            }
            let counts = try fixture.counts()
            #expect(counts == ["application": 0, "card": 0, "outbox": 0, "ledger": 0])
        }
    }

    @Test("a second open application for the same person and service goes to review; a closed one does not count")
    func duplicates() async throws {
        try await F.with { fixture in
            let store = fixture.store
            let first = try await store.submit(
                .init(kind: .employmentDifficulty, idNumber: person), by: F.clerk, at: F.monday)
            let second = try await store.submit(
                .init(kind: .employmentDifficulty, idNumber: person), by: F.clerk, at: F.monday)
            let otherKind = try await store.submit(
                .init(kind: .trainingSignUp, idNumber: person), by: F.clerk, at: F.monday)
            let otherPerson = try await store.submit(
                .init(kind: .employmentDifficulty, idNumber: F.residents[1]), by: F.clerk, at: F.monday)
            #expect(first.status == .submitted)
            #expect(second.status == .needsReview)
            #expect(otherKind.status == .submitted)
            #expect(otherPerson.status == .submitted)
            let line = try #require(try await store.ledger(from: 2, limit: 1).first)
            #expect(line.detail == "kind=employment-difficulty status=needs-review")

            _ = try await store.move(application: first.id, to: .withdrawn, by: F.clerk, at: F.monday)
            _ = try await store.move(application: second.id, to: .rejected, by: F.supervisor, at: F.monday)
            let third = try await store.submit(
                .init(kind: .employmentDifficulty, idNumber: person), by: F.clerk, at: F.monday)
            #expect(third.status == .submitted)
        }
    }

    @Test("a resident's own submission is taken by \"card\" and the ledger names them masked")
    func resident() async throws {
        try await F.with { fixture in
            let application = try await fixture.store.submit(
                .init(kind: .lossReport, idNumber: person), by: .resident(idNumber: person), at: F.monday)
            #expect(application.submittedBy == "card")
            let line = try #require(try await fixture.store.ledger(from: 1, limit: 1).first)
            #expect(line.actor == "card:\(MaskedIDNumber(person))")
        }
    }

    @Test("the ledger and the outbox's command names never hold a full ID number")
    func noFullIDNumbers() async throws {
        try await F.with { fixture in
            let store = fixture.store
            let application = try await store.submit(
                .init(kind: .lossReport, idNumber: person), by: .resident(idNumber: person), at: F.monday)
            _ = try await store.move(application: application.id, to: .approved, by: F.supervisor, at: F.monday)
            _ = try await store.requestCard(cardNumber: "A12345678", for: person, by: F.clerk, at: F.monday)
            _ = try await store.move(card: "A12345678", to: .inProduction, by: F.clerk, at: F.monday)
            try await store.log(
                "person.read", subject: .person(idNumber: person), by: F.clerk, detail: "screen=records", at: F.monday)
            let text = try fixture.rawRead { db in
                try String.fetchAll(db, sql: "SELECT actor || action || subject || detail FROM ledger")
                    + String.fetchAll(db, sql: "SELECT command || idempotencyKey FROM outbox")
            }
            #expect(text.count == 9)
            #expect(!text.contains { $0.contains(person) })
            #expect(text.contains { $0.contains(MaskedIDNumber(person).text) })
        }
    }

    @Test("an application takes the region of the cached person, or the terminal's")
    func region() async throws {
        try await F.with { fixture in
            try await fixture.store.applyReferenceData(
                ReferenceDataPage(
                    people: [
                        Person(
                            idNumber: person, name: "张伟", sex: .male,
                            birthDate: try .init(year: 1985, month: 7, day: 14),
                            regionCode: "430102001007")
                    ], cursor: "c1", asOf: F.monday))
            let cached = try await fixture.store.submit(
                .init(kind: .lossReport, idNumber: person), by: F.clerk, at: F.monday)
            let uncached = try await fixture.store.submit(
                .init(kind: .lossReport, idNumber: F.residents[1]), by: F.clerk, at: F.monday)
            #expect(cached.regionCode == "430102001007")
            #expect(uncached.regionCode == "430102001")
            let found = try await fixture.store.applications(ApplicationFilter(regionPrefix: "430102001007"))
            #expect(found.map(\.id) == [cached.id])
            let all = try await fixture.store.applications(ApplicationFilter(idNumber: nil, statuses: [.submitted]))
            #expect(Set(all.map(\.id)) == [cached.id, uncached.id])
        }
    }

    @Test("a card's life: each step is one row change, one outbox entry and one ledger entry, recorded with who did it")
    func cardLifecycle() async throws {
        try await F.with { fixture in
            let store = fixture.store
            let requested = try await store.requestCard(cardNumber: "A12345678", for: person, by: F.clerk, at: F.monday)
            #expect(requested.status == .applied)
            var steps = 1
            for (status, actor) in [
                (CardStatus.inProduction, F.clerk), (.readyAtDesk, F.supervisor), (.issued, F.otherClerk),
                (.active, Principal.resident(idNumber: person)),
            ] {
                let card = try await store.move(
                    card: "A12345678", to: status, by: actor, at: F.monday.addingTimeInterval(Double(steps)))
                steps += 1
                #expect(card.status == status)
                #expect(try fixture.counts() == ["application": 0, "card": 1, "outbox": steps, "ledger": steps])
            }
            let card = try #require(try await store.cardRecords(of: person).first)
            #expect(card.actor(of: .applied) == "clerk-1")
            #expect(card.actor(of: .issued) == "clerk-2")
            #expect(card.actor(of: .active) == "card")
            #expect(card.steps.last?.at == F.monday.addingTimeInterval(4))
            #expect(try await store.cardRecords(in: .active, region: "430102").map(\.cardNumber) == ["A12345678"])
            #expect(try await store.cardRecords(in: .active, region: "430103").isEmpty)
            let baseVersions = try await store.pendingOutbox(limit: 10).map(\.baseVersion)
            #expect(baseVersions == [nil, 1, 2, 3, 4])
        }
    }

    @Test("a ledger-only event writes a ledger entry and nothing else")
    func logOnly() async throws {
        try await F.with { fixture in
            try await fixture.store.log(
                "person.read", subject: .person(idNumber: person), by: F.clerk, detail: "screen=contributions",
                at: F.monday)
            #expect(try fixture.counts() == ["application": 0, "card": 0, "outbox": 0, "ledger": 1])
            let line = try #require(try await fixture.store.ledger(from: 1, limit: 5).first)
            #expect(line.subject == "person:\(MaskedIDNumber(person))")
        }
    }

    @Test("staff: added once with a password hash that verifies, on the ledger; the same id again is refused")
    func staff() async throws {
        try await F.with { fixture in
            let member = StaffMember(id: "clerk-9", name: "经办人丁", role: .clerk, jurisdiction: F.township)
            let account = StaffAccount(
                member: member, password: try PasswordHash(hashing: "correct horse", cost: 10),
                mustChangePassword: true, isDisabled: false)
            try await fixture.store.addStaff(account, by: .administrator(account: "root"), at: F.monday)
            let stored = try #require(try await fixture.store.staff("clerk-9"))
            #expect(stored == account)
            #expect(stored.password.verify("correct horse"))
            #expect(!stored.password.verify("wrong"))
            var again = account
            again.password = try PasswordHash(hashing: "other", cost: 10)
            await #expect(throws: KioskError.staffIDTaken) {
                try await fixture.store.addStaff(again, by: .administrator(account: "root"), at: F.monday)
            }
            #expect(try await fixture.store.staff("nobody") == nil)
            #expect(try await fixture.store.staffAccounts().map(\.member.id).contains("clerk-9"))
            let entry = try #require(try await fixture.store.ledger(from: 1, limit: 1000).last)
            #expect(entry.action == "staff.added" && entry.actor == "admin:root" && entry.subject == "staff:clerk-9")
        }
    }
}

@Suite("Applications and routes from the centre")
struct CentreApplicationTests {
    typealias F = StoreFixture

    @Test("the centre's copy of an application is kept with its version, except over a change still to be sent")
    func centreCopies() async throws {
        try await F.with { fixture in
            let mine = try await fixture.store.submit(
                ApplicationDraft(kind: .residentPensionEnrolment, idNumber: F.residents[0]), by: F.clerk, at: F.monday)
            var theirs = Application(
                id: "T-0002-1", kind: .cardApplication, idNumber: F.residents[1], submittedBy: "vclerk",
                submittedAt: F.monday, terminalID: "T-0002", regionCode: "430102001001", filedAt: .village)
            try theirs.apply(.take, by: "vclerk", at: F.monday)
            try theirs.apply(.reportUp, by: "vclerk", at: F.monday)
            var decided = mine
            decided.status = .rejected
            decided.rejection = Rejection(reason: .notEligible, note: "年龄不符")
            let route = ServiceRoute(
                kind: .cardApplication, steps: [.init(level: .township, days: 5), .init(level: .county, days: 10)])
            try await fixture.store.applyReferenceData(
                ReferenceDataPage(
                    serviceRoutes: [route],
                    applications: [
                        VersionedApplication(theirs, version: 3), VersionedApplication(decided, version: 2),
                    ],
                    cursor: "1", asOf: F.monday))

            // Another terminal's case reported up to this township is here to act on, at its version.
            let kept = try #require(try await fixture.store.application("T-0002-1"))
            #expect(kept == theirs)
            #expect(kept.level == .township)
            let atMyLevel = try await fixture.store.applications(ApplicationFilter(levels: [.township]))
            #expect(atMyLevel.map(\.id).contains("T-0002-1"))
            let taken = try await fixture.store.update(application: "T-0002-1", .take, by: F.clerk, at: F.monday) {
                application, _ in
                var next = application
                try next.apply(.take, by: "clerk-1", at: F.monday)
                return next
            }
            #expect(taken.owner == "clerk-1")
            let sent = try #require(try await fixture.store.pendingOutbox(limit: 10).last)
            #expect(sent.baseVersion == 3)

            // This terminal's own submission is not yet sent: the centre's copy does not overwrite it.
            #expect(try await fixture.store.application(mine.id)?.status == .submitted)
            // The route published is the one a new case takes.
            let next = try await fixture.store.submit(
                ApplicationDraft(kind: .cardApplication, idNumber: F.residents[2]), by: F.clerk, at: F.monday)
            #expect(next.route == route.steps)
            #expect(next.level == .township)
            #expect(try await fixture.store.serviceRoutes().route(for: .cardApplication) == route)
            #expect(
                try await fixture.store.ledger(about: .terminal).contains {
                    $0.action == "route.from-centre" && $0.detail == route.summary
                })

            // Once sent, the centre's decision comes down.
            try await fixture.store.acknowledge(try await fixture.store.pendingOutbox(limit: 10).map(\.idempotencyKey))
            try await fixture.store.applyReferenceData(
                ReferenceDataPage(
                    applications: [VersionedApplication(decided, version: 2)], cursor: "2", asOf: F.monday))
            let refused = try #require(try await fixture.store.application(mine.id))
            #expect(refused.status == .rejected)
            #expect(refused.rejection?.note == "年龄不符")
        }
    }
}

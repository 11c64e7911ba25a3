import Foundation
import KioskCore
import SocialSecurityCard
import Testing
import Vocabulary

@Suite("Pulling reference data from the centre")
struct PullTests {
    typealias F = SyncFixture

    static func township(people: Int) -> [ReferenceDataPage] {
        Array(
            SyntheticTownship(
                seed: 5, regionCode: "430102001", people: people, months: 12, lastMonth: YearMonth("2026-10")!,
                pageSize: 10))
    }

    @Test("a new terminal loads the snapshot, is loaded only at its clean end, then pulls changes after its cursor")
    func firstLoadThenChanges() async throws {
        try await F.with { fixture in
            let pages = Self.township(people: 35)
            fixture.centre.state.withLock { $0.snapshotPages = pages }
            #expect(try await fixture.store.referenceDataCursor() == nil)
            let first = try await fixture.engine.pull()
            #expect(first.firstLoad && first.pages == 4)
            #expect(try await fixture.store.referenceDataCursor() == pages.last!.cursor)
            let last = try #require(pages.last?.people.last)
            #expect(try await fixture.store.person(last.idNumber) == last)

            var moved = last
            moved.phone = "13800000000"
            moved.version += 1
            fixture.centre.state.withLock {
                $0.changes = [
                    SyncChanges(page: ReferenceDataPage(people: [moved], cursor: "c-1", asOf: F.monday), hasMore: true),
                    SyncChanges(page: ReferenceDataPage(cursor: "c-2", asOf: F.monday), hasMore: false),
                ]
            }
            let second = try await fixture.engine.pull()
            #expect(!second.firstLoad && second.pages == 2)
            #expect(fixture.centre.state.withLock { $0.askedAfter } == [pages.last!.cursor, "c-1"])
            #expect(try await fixture.store.referenceDataCursor() == "c-2")
            #expect(try await fixture.store.person(last.idNumber)?.phone == "13800000000")
            #expect(try await fixture.store.cacheAsOf() == F.monday)
        }
    }

    @Test("a listening pull asks each page with its wait, and says it listened only when the centre held the answer")
    func listeningPull() async throws {
        try await F.with { fixture in
            fixture.centre.state.withLock { $0.snapshotPages = Self.township(people: 5) }
            _ = try await fixture.engine.pull()
            fixture.centre.state.withLock {
                $0.changes = [
                    SyncChanges(page: ReferenceDataPage(cursor: "c-1", asOf: F.monday), hasMore: true, wait: 25),
                    SyncChanges(page: ReferenceDataPage(cursor: "c-2", asOf: F.monday), hasMore: false, wait: 25),
                    // An older centre: it answers at once and says nothing of waiting.
                    SyncChanges(page: ReferenceDataPage(cursor: "c-3", asOf: F.monday), hasMore: false),
                ]
            }
            #expect(try await fixture.engine.pull(wait: 25).listened)
            #expect(try await !fixture.engine.pull(wait: 25).listened)
            #expect(try await !fixture.engine.pull().listened, "a pull that does not ask to wait never listens")
            #expect(fixture.centre.state.withLock { $0.askedWait } == [25, 25, 25, 0])
            #expect(try await fixture.store.referenceDataCursor() == "c-3")
        }
    }

    @Test("an interrupted first load from a centre that gives no resume token keeps what arrived; the next loads again")
    func interruptedFirstLoad() async throws {
        try await F.with { fixture in
            let pages = Self.township(people: 35)
            fixture.centre.state.withLock {
                $0.snapshotPages = pages
                $0.snapshotBreaksAfter = 2
            }
            await #expect(throws: FakeCentre.LinkDown.self) { try await fixture.engine.pull() }
            #expect(try await fixture.store.referenceDataCursor() == nil)
            #expect(try await fixture.store.person(pages[1].people[0].idNumber) != nil)
            #expect(try await fixture.store.person(pages[2].people[0].idNumber) == nil)
            let status = try await SyncStatus.read(from: fixture.store, monitor: nil)
            #expect(!status.cacheLoaded)

            fixture.centre.state.withLock { $0.snapshotBreaksAfter = nil }
            let report = try await fixture.engine.pull()
            #expect(report.firstLoad)
            #expect(try await fixture.store.referenceDataCursor() == pages.last!.cursor)
            #expect(try await fixture.store.person(pages[3].people[4].idNumber) != nil)
        }
    }

    /// The township's pages as the centre sends them, each with its resume token.
    static func resumableTownship(people: Int) -> [ReferenceDataPage] {
        township(people: people).enumerated().map { index, page in
            var page = page
            page.resumeAfter = "after-\(index)"
            return page
        }
    }

    @Test("a first load cut mid-way goes on after the last page stored, at the same cursor; no page comes twice")
    func resumedFirstLoad() async throws {
        try await F.with { fixture in
            let pages = Self.resumableTownship(people: 35)
            fixture.centre.state.withLock {
                $0.snapshotPages = pages
                $0.snapshotBreaksAfter = 2
            }
            await #expect(throws: FakeCentre.LinkDown.self) { try await fixture.engine.pull() }
            let point = try #require(try await fixture.store.snapshotResumePoint())
            #expect(point == SnapshotResumePoint(cursor: pages[1].cursor, token: "after-1", asOf: pages[1].asOf))
            #expect(try await fixture.store.referenceDataCursor() == nil)

            fixture.centre.state.withLock { $0.snapshotBreaksAfter = nil }
            let report = try await fixture.engine.pull()
            #expect(report.firstLoad && report.pages == 2, "only the pages after the one stored")
            #expect(fixture.centre.state.withLock { $0.resumedFrom } == [nil, point])
            #expect(try await fixture.store.referenceDataCursor() == pages.last!.cursor)
            #expect(try await fixture.store.snapshotResumePoint() == nil)
            for page in pages { #expect(try await fixture.store.person(page.people[0].idNumber) == page.people[0]) }
        }
    }

    @Test("a resume the centre refuses as expired starts the load afresh, cleanly, in the same pull")
    func expiredResumeStartsAfresh() async throws {
        try await F.with { fixture in
            let pages = Self.resumableTownship(people: 35)
            fixture.centre.state.withLock {
                $0.snapshotPages = pages
                $0.snapshotBreaksAfter = 3
            }
            await #expect(throws: FakeCentre.LinkDown.self) { try await fixture.engine.pull() }
            let point = try #require(try await fixture.store.snapshotResumePoint())
            fixture.centre.state.withLock {
                $0.snapshotBreaksAfter = nil
                $0.snapshotExpired = true
            }
            let report = try await fixture.engine.pull()
            #expect(report.firstLoad && report.pages == 4)
            #expect(fixture.centre.state.withLock { $0.resumedFrom } == [nil, point, nil])
            #expect(try await fixture.store.referenceDataCursor() == pages.last!.cursor)
            #expect(try await fixture.store.snapshotResumePoint() == nil)
        }
    }

    @Test("an empty snapshot is an error, not a loaded cache")
    func emptySnapshot() async throws {
        try await F.with { fixture in
            await #expect(throws: SyncError.emptySnapshot) { try await fixture.engine.pull() }
            let cursor = try await fixture.store.referenceDataCursor()
            #expect(cursor == nil)
        }
    }
}

import Centre
import Foundation
import KioskCore
import Testing

/// A guide published at the centre goes to every terminal alike, in changes and in a first load,
/// and a guide published again replaces it. Both stores.
@Suite struct ServiceGuideCentreTests {
    @Test(arguments: StoreKind.testable)
    func publishedForEveryTerminal(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await Fixtures.load(store)
            let before = try await store.currentCursor()
            var guide = ServiceGuide(
                kind: .cardApplication, materials: ["居民身份证原件"], steps: ["窗口提交申请", "领卡并激活"], fee: "不收费",
                legalBasis: "《社会保障卡管理办法》")
            try await store.publish(guide, audit: Self.audit)
            guide.fee = "补领收取工本费"
            try await store.publish(guide, audit: Self.audit)
            for area in [Fixtures.home, Fixtures.neighbour] {
                let pulled = try await store.changes(
                    after: before, in: try Jurisdiction(area), limit: 100, at: Fixtures.now)
                #expect(pulled.page.serviceGuides == [guide], "the last publication only, for \(area)")
            }
            let first = try #require(
                try await store.snapshotPage(of: try Jurisdiction(Fixtures.home), after: nil, people: 5))
            #expect(first.serviceGuides == [guide])
            #expect(try await store.serviceGuides() == [guide])

            // A notice the same way; published again with an earlier last day, it is taken down.
            var notice = PolicyNotice(id: "N-1", title: "通知", body: "正文", from: "2026-01-01", until: "2026-12-31")
            try await store.publish(notice, audit: Self.audit)
            notice.until = "2026-06-30"
            try await store.publish(notice, audit: Self.audit)
            let pulled = try await store.changes(
                after: before, in: try Jurisdiction(Fixtures.neighbour), limit: 100, at: Fixtures.now)
            #expect(pulled.page.notices == [notice])
            #expect(try await store.notices() == [notice])
            let again = try #require(
                try await store.snapshotPage(of: try Jurisdiction(Fixtures.home), after: nil, people: 5))
            #expect(again.notices == [notice])
        }
    }

    static let audit = CentreLedgerEvent(
        actor: "admin:test", action: "guide.publish", subject: .serviceGuide(.cardApplication), regionCode: "")
}

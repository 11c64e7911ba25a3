import Centre
import Foundation
import KioskCore
import Testing
import Vocabulary

/// The residents' pension's grade table published at the centre for every terminal. Both stores.
@Suite struct PensionGradeCentreTests {
    @Test(arguments: StoreKind.testable)
    func theTableReachesEveryTerminalAndIsReplacedWhole(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await Fixtures.load(store)
            #expect(try await store.pensionGrades() == nil, "the national floor until the county publishes")
            var table = PensionGradeTable(
                grades: [.init(level: 1, annualFen: 20_000, subsidyFen: 4_000)], source: "某县人民政府文件（一）")
            let audit = CentreLedgerEvent(
                actor: "admin:test", action: "grades.publish", subject: .pensionGrades, regionCode: "")
            try await store.publish(table, audit: audit)
            table.grades.append(.init(level: 2, annualFen: 50_000, subsidyFen: 7_000))
            table.source = "某县人民政府文件（二）"
            try await store.publish(table, audit: audit)
            #expect(try await store.pensionGrades() == table)
            for area in [Fixtures.home, Fixtures.neighbour] {
                let page = try await store.changes(
                    after: SyncCursor(0), in: try Jurisdiction(area), limit: 100_000, at: Fixtures.now
                ).page
                #expect(page.pensionGrades == [table], "the last publication, to every area")
                let first = try #require(
                    try await store.snapshotPage(of: try Jurisdiction(area), after: nil, people: 5))
                #expect(first.pensionGrades == [table])
            }
        }
    }
}

import Centre
import Foundation
import KioskCore
import Testing

/// The county's guides and notices from the console: a draft previewed as a kiosk will show it, a
/// wrong one refused with what is wrong, a right one published and sent to every terminal; only the
/// county's administrators and supervisors publish.
@Suite(.serialized) struct ConsolePublishingTests {
    typealias Console = ConsoleAPITests.Console

    @Test(
        "a guide and a notice previewed, refused while wrong, published, and in the next pull",
        arguments: StoreKind.testable)
    func previewAndPublish(_ kind: StoreKind) async throws {
        try await CentreServerTests().withCentre(kind) { centre in
            for (id, role) in [
                ("admin-1", CentreRole.countyAdministrator), ("super-1", .countySupervisor),
                ("audit-1", .countyAuditor),
                ("tech-1", .technician),
            ] {
                try await ConsoleAPITests.addStaff(
                    id, role, ConsoleAPITests.county, to: centre.store, mustChange: false)
            }
            let console = Console(centre)
            let admin = try await console.signIn("admin-1")
            var guide: [String: Any] = [
                "kind": "card-application", "materials": ["居民身份证原件"], "steps": [], "fee": "不收费",
                "legalBasis": "《社会保险法》第五十八条",
            ]
            let preview = try await console.call(.POST, "console/api/guides/preview", guide, token: admin)
            #expect(preview.status == 200, "\(String(decoding: preview.body, as: UTF8.self))")
            #expect((preview.object["problems"] as? [String])?.first?.contains("1 to 20 steps") == true)
            #expect((preview.object["problemsChinese"] as? [String]) == ["社会保障卡申领：办理流程应为1至20步"])
            #expect((preview.object["text"] as? String)?.contains("申请材料：1. 居民身份证原件") == true)
            let refused = try await console.call(.POST, "console/api/guides", guide, token: admin)
            #expect(refused.status == 422 && refused.code == "unpublishable")
            #expect(try await centre.store.serviceGuides().isEmpty, "nothing published while wrong")

            guide["steps"] = ["窗口受理", "制卡", "领卡"]
            let published = try await console.call(
                .POST, "console/api/guides", guide, token: try await console.signIn("super-1"))
            #expect(published.status == 201, "\(String(decoding: published.body, as: UTF8.self))")
            let listed = try await console.call(.GET, "console/api/guides", token: admin)
            #expect(listed.list.map { ($0["record"] as? [String: Any])?["kind"] as? String } == ["card-application"])

            let body = String(repeating: "参保缴费政策调整说明。", count: 150)
            let notice: [String: Any] = [
                "id": "2026-pension-grades", "title": "2026年度城乡居民养老保险缴费档次公告", "body": body,
                "from": "2026-12-01", "until": "2026-12-31",
            ]
            let noticePublished = try await console.call(.POST, "console/api/notices", notice, token: admin)
            #expect(noticePublished.status == 201, "a notice of \(body.utf8.count) bytes is published")
            let backwards = try await console.call(
                .POST, "console/api/notices/preview", notice.merging(["until": "2026-11-01"]) { $1 }, token: admin)
            #expect((backwards.object["problems"] as? [String])?.isEmpty == false)

            for member in ["audit-1", "tech-1"] {
                let token = try await console.signIn(member)
                let reading = try await console.call(.GET, "console/api/guides", token: token)
                let publishing = try await console.call(.POST, "console/api/notices", notice, token: token)
                #expect(reading.code == "console-forbidden" && publishing.code == "console-forbidden", "\(member)")
            }
            let page = try await centre.store.changes(
                after: SyncCursor(0), in: try Jurisdiction(Fixtures.home), limit: 1_000, at: Date()
            ).page
            #expect(
                page.serviceGuides.map(\.kind) == [.cardApplication]
                    && page.notices.map(\.id) == ["2026-pension-grades"])
            try await console.client.shutdown()
        }
    }
}

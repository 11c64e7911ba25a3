import Foundation
import TestSupport
import Testing

/// A guide, a notice and the pension grade table published with the CLI reach a terminal through a
/// real centre.
@Suite("Service guides through a real centre", .serialized)
struct GuideProcessTests {
    typealias Sync = SyncProcessTests

    @Test(
        "a wrong file is refused at preview and publish; a good one previews as the kiosk reads it and reaches the terminal",
        arguments: Sync.stores)
    func previewedPublishedPulled(store: CentreProcess.Store) async throws {
        try await Sync.withCentre(store, terminals: ["T-1"]) { centre in
            let wrong = centre.file("wrong-guide.json")
            try #"{"kind": "card-application", "materials": [], "steps": ["领卡"], "fee": "", "legalBasis": "办法"}"#
                .write(toFile: wrong, atomically: true, encoding: .utf8)
            for command in ["preview", "publish"] {
                let refused = try await CommandRun.run(
                    [BuildFolder.executable("sskiosk"), "centre", "guides", command]
                        + (command == "publish" ? centre.storeArguments : []) + [wrong])
                #expect(refused.status != 0 && refused.output.contains("1 to 30 materials"), "\(refused.output)")
            }
            let file = centre.file("guides.json")
            try
                #"[{"kind": "card-application", "materials": ["居民身份证原件"], "steps": ["窗口申请", "领卡激活"], "fee": "不收费", "legalBasis": "《社会保障卡管理办法》"}]"#
                .write(toFile: file, atomically: true, encoding: .utf8)
            let preview = try await centre.sskiosk(["centre", "guides", "preview", file])
            #expect(preview.contains("办理流程：1. 窗口申请；2. 领卡激活。") && preview.contains("办理时限：20个工作日。"))
            _ = try await centre.sskiosk(["centre", "guides", "publish"] + centre.storeArguments + [file])
            #expect(try await centre.sskiosk(["centre", "guides", "show"] + centre.storeArguments) == preview)
            let notice = centre.file("notice.json")
            try #"{"id": "N-1", "title": "缴费通知", "body": "请按时缴费。", "from": "2020-01-01", "until": "2099-12-31"}"#
                .write(toFile: notice, atomically: true, encoding: .utf8)
            _ = try await centre.sskiosk(["centre", "notices", "publish"] + centre.storeArguments + [notice])
            #expect(
                try await centre.sskiosk(["centre", "notices", "show"] + centre.storeArguments)
                    == "N-1\t2020-01-01 – 2099-12-31\t缴费通知\n")
            let grades = centre.file("grades.json")
            try
                #"{"source": "某县人民政府文件", "grades": [{"level": 1, "annual": 200, "subsidy": 30}, {"level": 2, "annual": 500, "subsidy": 60}]}"#
                .write(toFile: grades, atomically: true, encoding: .utf8)
            _ = try await centre.sskiosk(["centre", "grades", "publish"] + centre.storeArguments + [grades])
            try await Sync.withLoadedTerminal("T-1", centre) { _, clerk in
                let (noticeCode, noticeData) = try await clerk.send("GET", "/api/notices")
                let notices = try #require(try JSONSerialization.jsonObject(with: noticeData) as? [[String: Any]])
                #expect(noticeCode == 200 && notices.map { $0["title"] as? String } == ["缴费通知"])
                let (code, data) = try await clerk.send("GET", "/api/guides")
                let guides = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
                #expect(code == 200 && guides.map { $0["kind"] as? String } == ["card-application"])
                #expect(guides.first?["steps"] as? [String] == ["窗口申请", "领卡激活"])
                let (_, gradeData) = try await clerk.send("GET", "/api/pension/grades")
                let table = try #require(try JSONSerialization.jsonObject(with: gradeData) as? [String: Any])
                #expect(table["source"] as? String == "某县人民政府文件" && (table["grades"] as? [Any])?.count == 2)
            }
        }
    }
}

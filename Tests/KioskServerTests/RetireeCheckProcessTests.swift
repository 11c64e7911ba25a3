import Foundation
import TestSupport
import Testing

/// The retirees' check between two terminals through a real centre: the year's list published with
/// the CLI comes down to both; a home visit and a reported death at one are at the other after a
/// pull.
@Suite("Retirees' checks across terminals", .serialized)
struct RetireeCheckProcessTests {
    typealias Sync = SyncProcessTests

    @Test(
        "the list published at the centre reaches both terminals; what one records, the other sees",
        arguments: Sync.stores)
    func recordedAtOneSeenAtTheOther(store: CentreProcess.Store) async throws {
        try await Sync.withCentre(store, terminals: ["T-1", "T-2"]) { centre in
            let wrongDay = try await CommandRun.run(
                [BuildFolder.executable("sskiosk"), "centre", "retirees", "publish"] + centre.storeArguments
                    + ["2026", "--due-by", "2027-01-31"])
            #expect(wrongDay.status != 0 && wrongDay.output.contains("--due-by takes a day of 2026"))
            _ = try await centre.sskiosk(
                ["centre", "retirees", "publish"] + centre.storeArguments + ["2026", "--due-by", "2026-12-31"])
            let retirees = try await centre.query(
                "SELECT idNumber FROM retireeCheck WHERE year = 2026 ORDER BY idNumber")
            try #require(retirees.count >= 2, "the generated township has retirees")
            #expect(
                try await centre.query("SELECT count(*) FROM centreLedger WHERE action = 'retirees.publish'") == ["1"])

            try await Sync.withLoadedTerminal("T-1", centre) { _, first in
                try await Sync.eventually("the list at T-1") {
                    try await Self.lines(first, "due").count == retirees.count
                }
                var (code, data) = try await first.send(
                    "POST", "/api/retirees/certification", json: ["idNumber": retirees[0], "note": "本人在家，行动不便"])
                #expect(code == 200, "\(String(decoding: data, as: UTF8.self))")
                (code, data) = try await first.send(
                    "POST", "/api/retirees/life-event",
                    json: ["idNumber": retirees[1], "kind": "death", "on": "2026-11-20", "reporterRelation": "子女"])
                #expect(code == 200, "\(String(decoding: data, as: UTF8.self))")
                _ = try await Sync.waitFor("the entries sent", first) { Sync.pending($0) == 0 }
                #expect(
                    try await centre.query(
                        "SELECT count(*) FROM retireeCheck WHERE certification IS NOT NULL OR lifeEvent IS NOT NULL")
                        == ["2"])

                try await Sync.withLoadedTerminal("T-2", centre) { _, second in
                    try await Sync.eventually("the entries at T-2") {
                        let certified = try await Self.lines(second, "certified").count
                        let reported = try await Self.lines(second, "reported").count
                        return certified == 1 && reported == 1
                    }
                    let certified = try await Self.lines(second, "certified")[0]
                    #expect((certified["certification"] as? [String: Any])?["method"] as? String == "home-visit")
                    #expect(try await Self.lines(second, "due").count == retirees.count - 2)
                    // Certified at T-1, the same retiree is not certified again at T-2.
                    let (again, refusal) = try await second.send(
                        "POST", "/api/retirees/certification", json: ["idNumber": retirees[0], "note": "再次上门"])
                    #expect(again == 409 && String(decoding: refusal, as: UTF8.self).contains("already-certified"))
                }
            }
        }
    }

    static func lines(_ clerk: APIClient, _ state: String) async throws -> [[String: Any]] {
        let (code, data) = try await clerk.send("GET", "/api/retirees?state=\(state)")
        guard code == 200, let lines = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw CentreProcess.Failure("GET /api/retirees answered \(code)")
        }
        return lines
    }
}

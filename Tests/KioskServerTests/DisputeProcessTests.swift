import Foundation
import KioskCore
import TestSupport
import Testing

/// Labour disputes between two terminals of an area through a real centre: a case taken at one is
/// decided at the other, and the decision comes back to the first with its limit.
@Suite("Labour disputes across terminals", .serialized)
struct DisputeProcessTests {
    typealias Sync = SyncProcessTests

    @Test("a case taken at one terminal is decided at the other; the first sees it accepted", arguments: Sync.stores)
    func aCaseAcrossTerminals(store: CentreProcess.Store) async throws {
        try await Sync.withCentre(store, terminals: ["T-1", "T-2"]) { centre in
            try await Sync.withLoadedTerminal("T-1", centre) { _, first in
                let people = try await Sync.people(centre, id: "T-1")
                let person = try #require(people.first)
                let (code, data) = try await first.send(
                    "POST", "/api/disputes",
                    json: [
                        "kind": "mediation", "idNumber": person, "name": "王五", "employer": "某建筑公司",
                        "category": "unpaid-wages", "facts": "拖欠三个月工资",
                    ])
                let taken = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                #expect(code == 201, "\(String(decoding: data, as: UTF8.self))")
                let id = try #require(taken?["id"] as? String)
                _ = try await Sync.waitFor("the intake sent", first) { Sync.pending($0) == 0 }

                try await Sync.withLoadedTerminal("T-2", centre) { _, second in
                    try await Sync.eventually("the case on T-2's register") {
                        try await second.send("GET", "/api/disputes/\(id)").0 == 200
                    }
                    let (decided, _) = try await second.send(
                        "POST", "/api/disputes/\(id)/decision", json: ["accepted": true])
                    #expect(decided == 200)
                    _ = try await Sync.waitFor("the decision sent", second) { Sync.pending($0) == 0 }
                }
                try await Sync.eventually("the decision back at T-1") {
                    let (_, data) = try await first.send("GET", "/api/disputes/\(id)")
                    let dispute = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                    return dispute?["state"] as? String == "in-mediation" && dispute?["settleBy"] != nil
                }
            }
        }
    }
}

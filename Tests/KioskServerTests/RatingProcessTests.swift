import Foundation
import TestSupport
import Testing

/// Ratings given at two terminals reach a real centre, each once, counted together in its figures.
@Suite("Ratings across terminals", .serialized)
struct RatingProcessTests {
    typealias Sync = SyncProcessTests

    @Test("ratings at two terminals are counted at the centre, each once", arguments: Sync.stores)
    func countedAtTheCentre(store: CentreProcess.Store) async throws {
        try await Sync.withCentre(store, terminals: ["T-1", "T-2"]) { centre in
            for (id, level) in [("T-1", "satisfied"), ("T-2", "dissatisfied")] {
                try await Sync.withLoadedTerminal(id, centre) { _, clerk in
                    let (code, data) = try await clerk.send(
                        "POST", "/api/ratings", json: ["level": level, "service": "employment-registration"])
                    #expect(code == 201, "\(String(decoding: data, as: UTF8.self))")
                    _ = try await Sync.waitFor("the rating sent", clerk) { Sync.pending($0) == 0 }
                }
            }
            #expect(
                try await centre.query(
                    "SELECT id || ' ' || level || ' ' || servedBy FROM satisfactionRating ORDER BY id") == [
                        "T-1-R1 satisfied clerk1", "T-2-R1 dissatisfied clerk1",
                    ])
        }
    }
}

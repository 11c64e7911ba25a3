import Foundation
import KioskCore
import TestSupport
import Testing

/// Appointments between two terminals of a hall through a real centre: a slot filled at one is on
/// the other's calendar and full there too; a cancellation at the other frees it at the first.
@Suite("Appointments across terminals", .serialized)
struct AppointmentProcessTests {
    typealias Sync = SyncProcessTests

    @Test(
        "a slot filled at one terminal is full at the other; cancelled there, it is free again here",
        arguments: Sync.stores)
    func aSlotAcrossTerminals(store: CentreProcess.Store) async throws {
        try await Sync.withCentre(store, terminals: ["T-1", "T-2"]) { centre in
            try await Sync.withLoadedTerminal("T-1", centre) { _, first in
                let people = try await Sync.people(centre, id: "T-1")
                try #require(people.count >= 3)
                // The first day the hall works: a day off is refused.
                var day = ""
                for ahead in 1...14 where day.isEmpty {
                    let candidate = JobSeekerProcessTests.day(in: Double(ahead))
                    if try await first.send("GET", "/api/appointments/slots?day=\(candidate)").0 == 200 {
                        day = candidate
                    }
                }
                try #require(!day.isEmpty)
                func book(_ clerk: APIClient, _ person: String) async throws -> (Int, [String: Any]) {
                    let (code, data) = try await clerk.send(
                        "POST", "/api/appointments",
                        json: [
                            "idNumber": person, "kind": "hall", "service": "card-application", "day": day,
                            "slot": "15:00",
                        ])
                    return (code, (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:])
                }
                let (firstCode, booked) = try await book(first, people[0])
                #expect(firstCode == 201, "\(booked)")
                #expect(try await book(first, people[1]).0 == 201)
                let id = try #require(booked["id"] as? String)
                _ = try await Sync.waitFor("the bookings sent", first) { Sync.pending($0) == 0 }

                try await Sync.withLoadedTerminal("T-2", centre) { _, second in
                    try await Sync.eventually("the bookings on T-2's calendar") {
                        let (_, data) = try await second.send("GET", "/api/appointments?from=\(day)&through=\(day)")
                        return (try JSONSerialization.jsonObject(with: data) as? [Any])?.count == 2
                    }
                    let (full, refusal) = try await book(second, people[2])
                    #expect(full == 409 && refusal["code"] as? String == "slot-full", "\(refusal)")
                    let (cancelled, _) = try await second.send("POST", "/api/appointments/\(id)/cancel")
                    #expect(cancelled == 200)
                    _ = try await Sync.waitFor("the cancellation sent", second) { Sync.pending($0) == 0 }
                }
                try await Sync.eventually("the place free again at T-1") {
                    let (_, data) = try await first.send("GET", "/api/appointments/slots?day=\(day)")
                    let slots = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
                    return slots?.first { $0["slot"] as? String == "15:00" }?["left"] as? Int == 1
                }
            }
        }
    }
}

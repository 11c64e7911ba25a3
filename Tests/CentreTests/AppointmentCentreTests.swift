import Centre
import Foundation
import KioskCore
import Testing
import Vocabulary

/// Appointments at the centre: bookings of a hall slot counted across the hall's terminals, entries
/// replayed with the terminal's rules, sent to the terminals of the hall's area. Both stores.
@Suite struct AppointmentCentreTests {
    @Test(arguments: StoreKind.testable)
    func aSlotIsCountedAcrossTerminals(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, neighbour) = try await Fixtures.load(store)
            let (kiosk, _) = try Fixtures.terminal("T-101")
            let (desk, _) = try Fixtures.terminal("T-102")
            let people = home.flatMap(\.people).map(\.idNumber)
            let theirs = try #require(neighbour.flatMap(\.people).first).idNumber
            func booking(_ id: String, _ idNumber: String, slot: String? = "09:00") -> Appointment {
                Appointment(
                    id: id, idNumber: idNumber, service: .cardApplication, regionCode: Fixtures.home,
                    kind: slot == nil ? .homeVisit : .hall, day: "2026-11-10", slot: slot,
                    reason: slot == nil ? .elderly : nil, phone: nil, note: nil, channel: .kiosk, bookedBy: "card",
                    at: Fixtures.now)
            }
            var counter = 0
            func send(_ payload: AppointmentPayload, from terminal: RegisteredTerminal) async throws
                -> SyncCommandResult
            {
                counter += 1
                return try #require(
                    try await store.apply(
                        [try Fixtures.command(.appointment, payload, key: "a\(counter)")], from: terminal,
                        at: Fixtures.now
                    ).first)
            }
            func book(_ appointment: Appointment, from terminal: RegisteredTerminal) async throws -> SyncCommandResult {
                try await send(
                    AppointmentPayload(id: appointment.id, entry: .booking(appointment), by: "card", at: Fixtures.now),
                    from: terminal)
            }
            #expect(try await book(booking("T-101-A1", people[0]), from: kiosk).outcome == .applied)
            #expect(try await book(booking("T-102-A1", people[1]), from: desk).outcome == .applied)
            let third = try await book(booking("T-101-A2", people[2]), from: kiosk)
            #expect(third.reason?.hasPrefix("slot-full") == true, "two a slot, whichever terminal booked: \(third)")
            #expect(
                try await book(booking("T-101-A1", people[2], slot: "09:30"), from: kiosk).reason?.hasPrefix(
                    "appointment-id-taken") == true)
            #expect(try await book(booking("T-102-A9", people[2]), from: kiosk).reason?.hasPrefix("foreign-id") == true)
            #expect(
                try await book(booking("T-101-A3", theirs, slot: "10:00"), from: kiosk).reason?.hasPrefix(
                    "outside-jurisdiction") == true)
            #expect(try await book(booking("T-101-A4", people[2], slot: nil), from: kiosk).outcome == .applied)

            let cancel = AppointmentPayload(
                id: "T-101-A1", entry: .cancellation(by: "card", at: Fixtures.now), by: "card", at: Fixtures.now)
            #expect(try await send(cancel, from: desk).outcome == .applied, "another terminal of the hall cancels it")
            #expect(try await book(booking("T-101-A5", people[2]), from: kiosk).outcome == .applied, "the place freed")
            #expect(try await send(cancel, from: desk).reason?.hasPrefix("appointment-closed") == true)
            let attended = AppointmentPayload(
                id: "T-101-A4",
                entry: .outcome(AppointmentOutcome(result: .attended, note: nil, by: "clerk1", at: Fixtures.now)),
                by: "clerk1", at: Fixtures.now)
            #expect(try await send(attended, from: desk).reason?.hasPrefix("outcome-mismatch") == true)
            let assign = AppointmentPayload(
                id: "T-101-A4", entry: .assignment(to: "clerk2", by: "clerk1", at: Fixtures.now), by: "clerk1",
                at: Fixtures.now)
            #expect(try await send(assign, from: desk).outcome == .applied)

            let page = try await store.changes(
                after: SyncCursor(0), in: try Jurisdiction(Fixtures.home), limit: 100_000, at: Fixtures.now
            ).page
            let kept = Dictionary(page.appointments.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
            #expect(Set(kept.keys) == ["T-101-A1", "T-102-A1", "T-101-A4", "T-101-A5"])
            #expect(kept["T-101-A1"]?.cancelledAt != nil && kept["T-101-A4"]?.assignedTo == "clerk2")
            let theirPage = try await store.changes(
                after: SyncCursor(0), in: try Jurisdiction(Fixtures.neighbour), limit: 100_000, at: Fixtures.now
            ).page
            #expect(theirPage.appointments.isEmpty)
            let first = try #require(
                try await store.snapshotPage(of: try Jurisdiction(Fixtures.home), after: nil, people: 5))
            #expect(first.appointments.count == 4, "a first load carries the hall's appointments")
        }
    }
}

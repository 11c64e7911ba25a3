import Foundation
import KioskCore
import Testing

@Suite("When a terminal sends its heartbeat")
struct HeartbeatScheduleTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let ready = [DeviceStatus(name: "rig-a4", kind: .printer, state: .online)]
    static let empty = [
        DeviceStatus(
            name: "rig-a4", kind: .printer, state: .userError, stateReasons: ["media-empty"], fix: "Load paper")
    ]

    @Test("the first look sends; the same devices wait out the interval; a change goes at once")
    func dueAtFirstOnChangeAndEveryInterval() {
        var schedule = HeartbeatSchedule(interval: 60)
        #expect(schedule.isDue(Self.ready, at: Self.start))
        schedule.sent(Self.ready, at: Self.start)
        #expect(!schedule.isDue(Self.ready, at: Self.start.addingTimeInterval(59)))
        #expect(schedule.isDue(Self.ready, at: Self.start.addingTimeInterval(60)))
        #expect(schedule.isDue(Self.empty, at: Self.start.addingTimeInterval(5)))
    }

    @Test("a beat the centre did not take is due again at the next look")
    func aFailedBeatIsDueAgain() {
        var schedule = HeartbeatSchedule(interval: 60)
        schedule.sent(Self.ready, at: Self.start)
        #expect(schedule.isDue(Self.empty, at: Self.start.addingTimeInterval(10)))
        // Not marked sent: the link was down.
        #expect(schedule.isDue(Self.empty, at: Self.start.addingTimeInterval(20)))
        schedule.sent(Self.empty, at: Self.start.addingTimeInterval(20))
        #expect(!schedule.isDue(Self.empty, at: Self.start.addingTimeInterval(30)))
    }

    @Test("the model names the printer's paper faults from its IPP reasons")
    func mediaFlags() {
        #expect(Self.empty[0].mediaEmpty)
        #expect(!Self.empty[0].mediaJam)
        #expect(DeviceStatus(name: "c", kind: .printer, state: .userError, stateReasons: ["media-jam"]).mediaJam)
    }
}

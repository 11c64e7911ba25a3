import Centre
import Foundation
import KioskCore
import Testing

@Suite("Which alerts a terminal's last heartbeat raises")
struct FleetRulesTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func beat(
        _ devices: [DeviceStatus] = [], oldestPending: Date? = nil, sentAt: Date = now, receivedAt: Date = now
    ) -> StoredHeartbeat {
        StoredHeartbeat(
            terminalID: "T-1", receivedAt: receivedAt,
            heartbeat: TerminalHeartbeat(
                sentAt: sentAt, version: "0.1.0", uptimeSeconds: 100, devices: devices,
                sync: SyncStatus(
                    outbox: OutboxSummary(
                        pending: oldestPending == nil ? 0 : 3, oldestPendingAt: oldestPending, needsReview: 0),
                    cacheAsOf: now, cacheLoaded: true, link: SyncLinkState())))
    }

    static let reader = DeviceStatus(name: "Virtual PCD 00 00", kind: .cardReader, state: .online, cardPresent: false)
    static let printer = DeviceStatus(
        name: "rig-a4", kind: .printer, state: .online, markerNames: ["black toner"], markerLevels: [80])

    @Test("a healthy terminal raises nothing")
    func healthy() {
        #expect(FleetRules.alerts(Self.beat([Self.reader, Self.printer]), at: Self.now.addingTimeInterval(30)).isEmpty)
    }

    @Test("no heartbeat, or none for over ten minutes, is the only alert, with the link's fix")
    func silence() {
        #expect(FleetRules.alerts(nil, at: Self.now).map(\.kind) == [.noHeartbeat])
        let old = Self.beat([
            DeviceStatus(name: "rig-a4", kind: .printer, state: .userError, stateReasons: ["media-empty"])
        ])
        #expect(FleetRules.alerts(old, at: Self.now.addingTimeInterval(599)).map(\.kind) == [.paperOut])
        let silent = FleetRules.alerts(old, at: Self.now.addingTimeInterval(601))
        #expect(silent == [FleetAlert(.noHeartbeat, fix: TechnicianFix.reachCentre)])
    }

    @Test("paper out and a ribbon running low carry the fix the terminal's diagnostics gave")
    func printerAlerts() {
        let empty = DeviceStatus(
            name: "rig-a4", kind: .printer, state: .userError, stateReasons: ["media-empty"],
            fix: "Load paper (or cards) into the printer's tray")
        let ribbon = DeviceStatus(
            name: "rig-card", kind: .printer, state: .online, markerNames: ["ribbon"], markerLevels: [7],
            fix: "Order and fit a new ribbonWax soon")
        let used = DeviceStatus(name: "rig-receipt", kind: .printer, state: .hardwareError, markerLevels: [0])
        let alerts = FleetRules.alerts(Self.beat([empty, ribbon, used]), at: Self.now)
        #expect(
            alerts == [
                FleetAlert(.paperOut, device: "rig-a4", fix: "Load paper (or cards) into the printer's tray"),
                FleetAlert(.supplyLow, device: "rig-card", fix: "Order and fit a new ribbonWax soon"),
                FleetAlert(
                    .supplyOut, device: "rig-receipt", fix: "Run `sskiosk diag` on the terminal and follow its fixes"),
            ])
        let low = DeviceStatus(name: "rig-a4", kind: .printer, state: .online, stateReasons: ["media-low"], fix: "x")
        #expect(FleetRules.alerts(Self.beat([low]), at: Self.now).map(\.kind) == [.paperLow])
        let jam = DeviceStatus(name: "rig-a4", kind: .printer, state: .userError, stateReasons: ["media-jam"], fix: "y")
        #expect(FleetRules.alerts(Self.beat([jam]), at: Self.now).map(\.kind) == [.deviceFault])
    }

    @Test("a reader pcscd does not list is missing")
    func readerMissing() {
        let missing = DeviceStatus(name: "Virtual PCD 00 00", kind: .cardReader, state: .offline, fix: "Plug it in")
        #expect(
            FleetRules.alerts(Self.beat([missing]), at: Self.now)
                == [FleetAlert(.readerMissing, device: "Virtual PCD 00 00", fix: "Plug it in")])
    }

    @Test("an outbox entry waiting over an hour, and a clock over 30 s off, are alerts")
    func backlogAndClock() {
        let waiting = Self.beat(oldestPending: Self.now.addingTimeInterval(-3601))
        #expect(FleetRules.alerts(waiting, at: Self.now).map(\.kind) == [.outboxBacklog])
        #expect(FleetRules.alerts(Self.beat(oldestPending: Self.now.addingTimeInterval(-3000)), at: Self.now).isEmpty)
        let ahead = Self.beat(sentAt: Self.now.addingTimeInterval(45))
        #expect(ahead.clockSkewMilliseconds == 45_000)
        #expect(FleetRules.alerts(ahead, at: Self.now) == [FleetAlert(.clockSkew, fix: TechnicianFix.setClock)])
        #expect(FleetRules.alerts(Self.beat(sentAt: Self.now.addingTimeInterval(-20)), at: Self.now).isEmpty)
    }
}

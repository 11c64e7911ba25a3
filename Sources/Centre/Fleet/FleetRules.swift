import Foundation
import KioskCore

/// Which alerts a terminal's last heartbeat raises now (no I/O: tested alone). A terminal silent for
/// ``silence`` raises only that: what it said before may no longer be so.
public enum FleetRules {
    /// No heartbeat for this long: the terminal is off or cut off.
    public static let silence: TimeInterval = 10 * 60
    /// The oldest command waiting for the centre is this old.
    public static let backlog: TimeInterval = 60 * 60
    /// The terminal's clock is this far off the centre's (where `sskiosk diag` starts to warn).
    public static let skew: TimeInterval = 30
    /// A toner, ink or ribbon at or below this percentage is low (as `sskiosk diag` judges it).
    public static let lowSupply = 10

    /// Said when a device's heartbeat carries no fix of its own.
    static let runDiagnostics = "Run `sskiosk diag` on the terminal and follow its fixes"

    public static func alerts(_ last: StoredHeartbeat?, at now: Date) -> [FleetAlert] {
        guard let last, now.timeIntervalSince(last.receivedAt) <= silence else {
            return [FleetAlert(.noHeartbeat, fix: TechnicianFix.reachCentre)]
        }
        var alerts = last.heartbeat.devices.flatMap(alerts(for:))
        if let oldest = last.heartbeat.sync.outbox.oldestPendingAt,
            last.heartbeat.sentAt.timeIntervalSince(oldest) > backlog
        {
            alerts.append(FleetAlert(.outboxBacklog, fix: TechnicianFix.reachCentre))
        }
        if abs(Double(last.clockSkewMilliseconds) / 1000) > skew {
            alerts.append(FleetAlert(.clockSkew, fix: TechnicianFix.setClock))
        }
        return alerts
    }

    static func alerts(for device: DeviceStatus) -> [FleetAlert] {
        let fix = device.fix ?? runDiagnostics
        switch device.kind {
        case .cardReader:
            switch device.state {
            case .offline: return [FleetAlert(.readerMissing, device: device.name, fix: fix)]
            case .hardwareError, .userError: return [FleetAlert(.deviceFault, device: device.name, fix: fix)]
            case .online, .busy: return []
            }
        case .printer:
            let reasons = Set(device.stateReasons)
            let levels = device.markerLevels.filter { $0 >= 0 }
            var alerts: [FleetAlert] = []
            if device.mediaEmpty {
                alerts.append(FleetAlert(.paperOut, device: device.name, fix: fix))
            } else if reasons.contains("media-low") {
                alerts.append(FleetAlert(.paperLow, device: device.name, fix: fix))
            }
            if levels.contains(0)
                || !reasons.isDisjoint(with: ["toner-empty", "marker-supply-empty", "marker-ink-empty"])
            {
                alerts.append(FleetAlert(.supplyOut, device: device.name, fix: fix))
            } else if levels.contains(where: { $0 <= lowSupply })
                || !reasons.isDisjoint(with: ["toner-low", "marker-supply-low", "marker-ink-low"])
            {
                alerts.append(FleetAlert(.supplyLow, device: device.name, fix: fix))
            }
            if alerts.isEmpty, [.offline, .hardwareError, .userError].contains(device.state) {
                alerts.append(FleetAlert(.deviceFault, device: device.name, fix: fix))
            }
            return alerts
        }
    }
}

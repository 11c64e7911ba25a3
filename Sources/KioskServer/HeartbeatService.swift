import Diagnostics
import Foundation
import KioskCore
import Logging
import Metrics
import ServiceLifecycle

/// The terminal's heartbeat to its centre as a service of its `ServiceGroup`: looks at its devices
/// every `lookInterval` (``DeviceSurvey``, the diagnostics' own checks) and sends a
/// ``TerminalHeartbeat`` when ``HeartbeatSchedule`` says one is due: at once on a change, and every
/// minute in any case. A failed send is logged and tried again at the next look; it never holds
/// up the sync sender, which runs beside it. At each look it also sets the gauges `/metrics` shows:
/// the outbox's backlog and the seconds since the last pull.
public struct HeartbeatService<Link: HeartbeatLink>: Service {
    let link: Link
    let survey: DeviceSurvey
    let store: any KioskStore
    let monitor: SyncMonitor?
    let lookInterval: Duration
    let heartbeatInterval: TimeInterval
    let version: String
    let logger: Logger

    public init(
        link: Link, survey: DeviceSurvey, store: any KioskStore, monitor: SyncMonitor?, lookInterval: Duration,
        heartbeatInterval: TimeInterval = HeartbeatSchedule.standardInterval, version: String, logger: Logger
    ) {
        self.link = link
        self.survey = survey
        self.store = store
        self.monitor = monitor
        self.lookInterval = lookInterval
        self.heartbeatInterval = heartbeatInterval
        self.version = version
        self.logger = logger
    }

    public func run() async throws {
        let startedAt = Date()
        await cancelWhenGracefulShutdown {
            var schedule = HeartbeatSchedule(interval: heartbeatInterval)
            while !Task.isCancelled {
                let devices = await survey.devices()
                let now = Date()
                do {
                    let sync = try await SyncStatus.read(from: store, monitor: monitor)
                    Gauge(label: "sskiosk_outbox_pending").record(sync.outbox.pending)
                    if let pulled = sync.link?.lastPullAt {
                        Gauge(label: "sskiosk_sync_lag_seconds").record(now.timeIntervalSince(pulled))
                    }
                    if schedule.isDue(devices, at: now) {
                        try await link.heartbeat(
                            TerminalHeartbeat(
                                sentAt: now, version: version, uptimeSeconds: Int(now.timeIntervalSince(startedAt)),
                                devices: devices, sync: sync))
                        schedule.sent(devices, at: now)
                    }
                } catch {
                    logger.warning("heartbeat not sent; trying again", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: lookInterval)
            }
        }
    }
}

import CSystemd
import NIOCore

/// What systemd learns of a service run as `Type=notify` with `WatchdogSec=`: that it is ready once
/// its server listens, a heartbeat while the server's event loop runs, and that it is stopping.
///
/// The heartbeat is scheduled on the listening channel's own event loop, so it stops when that loop
/// hangs and systemd restarts the service, rather than coming from a thread of its own that would
/// beat on regardless. Outside systemd (no `NOTIFY_SOCKET`) every call does nothing.
public struct SystemdSupervisor: Sendable {
    public init() {}

    /// The time between heartbeats: half the watchdog's timeout, as sd_watchdog_enabled(3) advises;
    /// nil when systemd set no watchdog for this process.
    public var heartbeatInterval: TimeAmount? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(Int64(microseconds / 2))
    }

    /// Call once the server listens on `channel`: READY=1, the heartbeat, and STOPPING=1 when the
    /// channel closes.
    public func serverRunning(on channel: any Channel) {
        notify("READY=1")
        let heartbeat = heartbeatInterval.map { interval in
            channel.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
                notify("WATCHDOG=1")
            }
        }
        channel.closeFuture.whenComplete { _ in
            heartbeat?.cancel()
            notify("STOPPING=1")
        }
    }

    private func notify(_ state: String) {
        _ = sd_notify(0, state)
    }
}

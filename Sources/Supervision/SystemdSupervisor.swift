import CSystemd
import Foundation
import NIOCore

/// What systemd learns of a service run as `Type=notify` with `WatchdogSec=`: that it is ready once
/// its server listens, a heartbeat while the server's event loop runs, and that it is stopping.
///
/// The heartbeat is scheduled on the listening channel's own event loop, so it stops when that loop
/// hangs and systemd restarts the service, rather than coming from a thread of its own that would
/// beat on regardless. Outside systemd (no `NOTIFY_SOCKET`) the notifications do nothing.
///
/// With a `startRecord` it also keeps what the start came to in that file (`sskiosk diag` reads
/// it), and a failed start leaves its reason in `systemctl status` as the unit's status line.
public struct SystemdSupervisor: Sendable {
    /// Where the start's outcome is kept; nil keeps none.
    public var startRecord: StartRecordFile?

    public init(startRecord: StartRecordFile? = nil) {
        self.startRecord = startRecord
    }

    /// Runs a service's whole life, `body`, under this supervisor: the start of `version` is
    /// recorded before `body` opens the service's data, and an error that ends it is recorded, as a
    /// failed start when the server had not listened yet.
    public func supervising(version: String, _ body: () async throws -> Void) async throws {
        starting(version: version)
        do {
            try await body()
        } catch {
            stopped(by: error)
            throw error
        }
    }

    private func starting(version: String) {
        keep { try $0.starting(version: version) }
    }

    private func stopped(by error: any Error) {
        let reason = String(describing: error)
        keep { record in
            if try record.failed(reason) { notify("STATUS=Failed to start: \(reason.prefix(200))") }
        }
    }

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
        // The record first: whoever learns of READY=1 finds it already said.
        keep { try $0.ready() }
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

    /// A record that cannot be written never stops the service: it is said on standard error, which
    /// journald keeps.
    private func keep(_ write: (StartRecordFile) throws -> Void) {
        guard let startRecord else { return }
        do {
            try write(startRecord)
        } catch {
            FileHandle.standardError.write(
                Data("sskiosk: cannot keep the start record \(startRecord.path): \(error)\n".utf8))
        }
    }
}

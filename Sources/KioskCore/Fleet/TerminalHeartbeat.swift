import Foundation

/// What a terminal tells its centre every minute, and at once when something changes
/// (`POST /sync/v1/heartbeat`): its devices, its sync (outbox backlog and oldest entry, cache as-of,
/// last pull and push), its version and how long it has run. The centre works out the clock skew
/// from ``sentAt`` and the time it received it. No personal data.
public struct TerminalHeartbeat: Codable, Hashable, Sendable {
    public static let maximumBytes = 64 << 10

    /// The terminal's clock when it sent this.
    public var sentAt: Date
    /// The sskiosk version it runs.
    public var version: String
    public var uptimeSeconds: Int
    public var devices: [DeviceStatus]
    public var sync: SyncStatus

    public init(sentAt: Date, version: String, uptimeSeconds: Int, devices: [DeviceStatus], sync: SyncStatus) {
        self.sentAt = sentAt.wholeMilliseconds
        self.version = version
        self.uptimeSeconds = uptimeSeconds
        self.devices = devices
        self.sync = sync
    }
}

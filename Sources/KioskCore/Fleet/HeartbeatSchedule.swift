import Foundation

/// When a terminal sends its heartbeat, decided from what it sees at each look (no I/O here): the
/// first look, any change in its devices, and otherwise once ``interval`` has passed since the last
/// one the centre took. A beat that failed is due again at the next look.
public struct HeartbeatSchedule: Sendable {
    public static let standardInterval: TimeInterval = 60

    public let interval: TimeInterval
    private var lastSent: (at: Date, devices: [DeviceStatus])?

    public init(interval: TimeInterval = standardInterval) { self.interval = interval }

    /// Whether a heartbeat is due now, with these devices.
    public func isDue(_ devices: [DeviceStatus], at now: Date) -> Bool {
        guard let lastSent else { return true }
        return lastSent.devices != devices || now.timeIntervalSince(lastSent.at) >= interval
    }

    /// The centre took a heartbeat with these devices.
    public mutating func sent(_ devices: [DeviceStatus], at now: Date) { lastSent = (now, devices) }
}

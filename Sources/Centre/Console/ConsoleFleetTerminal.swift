import Foundation
import KioskCore

/// A row of the console's fleet table: a terminal, what its last heartbeat said, and the alerts
/// that raises now (``FleetRules``).
struct ConsoleFleetTerminal: Codable, Sendable {
    var terminal: ConsoleTerminal
    var lastHeartbeatAt: Date?
    var clockSkewSeconds: Double?
    var heartbeat: TerminalHeartbeat?
    var alerts: [FleetAlert]

    init(_ terminal: RegisteredTerminal, _ last: StoredHeartbeat?, at now: Date) {
        self.terminal = ConsoleTerminal(terminal, last)
        lastHeartbeatAt = last?.receivedAt
        clockSkewSeconds = last.map { Double($0.clockSkewMilliseconds) / 1000 }
        heartbeat = last?.heartbeat
        alerts = terminal.revokedAt == nil ? FleetRules.alerts(last, at: now) : []
    }
}

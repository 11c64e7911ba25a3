import Foundation
import KioskCore

/// A terminal as the console's terminals page lists it, with the version and last sync its last
/// heartbeat gave: never its token or certificate.
struct ConsoleTerminal: Codable, Sendable {
    var id: String
    var name: String
    var jurisdiction: String
    var registeredAt: Date
    /// Whether it joined by enrolment (it has a certificate from the centre's CA).
    var enrolled: Bool
    var revokedAt: Date?
    /// The sskiosk version it runs, and when it last pulled and pushed, as its last heartbeat said.
    var version: String?
    var lastPullAt: Date?
    var lastPushAt: Date?

    init(_ terminal: RegisteredTerminal, _ last: StoredHeartbeat? = nil) {
        id = terminal.id
        name = terminal.name
        jurisdiction = terminal.jurisdiction.regionPrefix
        registeredAt = terminal.registeredAt
        enrolled = terminal.certificateFingerprint != nil
        revokedAt = terminal.revokedAt
        version = last?.heartbeat.version
        lastPullAt = last?.heartbeat.sync.link?.lastPullAt
        lastPushAt = last?.heartbeat.sync.link?.lastPushAt
    }
}

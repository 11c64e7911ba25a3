import Foundation

/// A command the centre refused, as the supervisor's review lists it: what kind, when, and the
/// centre's reason; never its payload, which may hold a person's full ID number.
public struct RefusedCommand: Codable, Hashable, Sendable {
    public var key: String
    public var command: String
    public var createdAt: Date
    public var attempts: Int
    public var reason: String?

    public init(_ entry: OutboxEntry) {
        key = entry.idempotencyKey
        command = entry.command
        createdAt = entry.createdAt
        attempts = entry.attempts
        reason = entry.lastError
    }
}

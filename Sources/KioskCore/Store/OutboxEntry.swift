import Foundation

/// A business command waiting to go to the centre, with the key that makes it apply once.
public struct OutboxEntry: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Hashable, Sendable {
        case pending
        /// The centre refused it: a person must look; it no longer blocks the queue.
        case needsReview = "needs-review"
    }

    /// Order of writing; the sender drains in this order.
    public var sequence: Int64
    /// terminal id + sequence + time: unique across terminals, stable across retries.
    public var idempotencyKey: String
    /// The command kind (``SyncCommandKind``): "application.submit", "card.move", ….
    public var command: String
    /// The command's JSON.
    public var payload: Data
    /// The version of the record the command was built on (update conflicts).
    public var baseVersion: Int?
    /// A loss report goes before anything else.
    public var priority: Int
    public var status: Status
    public var attempts: Int
    public var createdAt: Date
    /// When the sender last tried it: a sender restarted after a crash resumes its backoff from here.
    public var lastAttemptAt: Date?
    public var lastError: String?

    public init(
        sequence: Int64,
        idempotencyKey: String,
        command: String,
        payload: Data,
        baseVersion: Int?,
        priority: Int,
        status: Status,
        attempts: Int,
        createdAt: Date,
        lastAttemptAt: Date? = nil,
        lastError: String?
    ) {
        self.sequence = sequence
        self.idempotencyKey = idempotencyKey
        self.command = command
        self.payload = payload
        self.baseVersion = baseVersion
        self.priority = priority
        self.status = status
        self.attempts = attempts
        self.createdAt = createdAt
        self.lastAttemptAt = lastAttemptAt
        self.lastError = lastError
    }
}

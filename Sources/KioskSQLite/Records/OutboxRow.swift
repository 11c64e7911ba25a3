import Foundation
import GRDB
import KioskCore

/// A row of `outbox`: a command for the centre. The sequence comes from the `outbox` counter in
/// the transaction of the change it carries, so it orders commands as they were made.
struct OutboxRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "outbox"

    var sequence: Int64
    var idempotencyKey: String
    var command: String
    var payload: Data
    var baseVersion: Int?
    var priority: Int
    var status: OutboxEntry.Status
    var attempts: Int
    var createdAt: Int64
    var lastAttemptAt: Int64?
    var lastError: String?

    enum Columns {
        static let sequence = Column(CodingKeys.sequence)
        static let idempotencyKey = Column(CodingKeys.idempotencyKey)
        static let priority = Column(CodingKeys.priority)
        static let status = Column(CodingKeys.status)
        static let createdAt = Column(CodingKeys.createdAt)
    }

    var entry: OutboxEntry {
        OutboxEntry(
            sequence: sequence, idempotencyKey: idempotencyKey, command: command, payload: payload,
            baseVersion: baseVersion, priority: priority, status: status, attempts: attempts,
            createdAt: Date(milliseconds: createdAt), lastAttemptAt: lastAttemptAt.map(Date.init(milliseconds:)),
            lastError: lastError)
    }
}

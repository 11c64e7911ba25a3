import GRDB
import KioskCore

/// A row of `ledger`: one ledger entry, field for field.
struct LedgerRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "ledger"

    var sequence: Int64
    var atMilliseconds: Int64
    var actor: String
    var action: String
    var subject: String
    var terminalID: String
    var regionCode: String
    var detail: String
    var previousHash: String
    var hash: String

    enum Columns {
        static let sequence = Column(CodingKeys.sequence)
        static let subject = Column(CodingKeys.subject)
    }

    init(_ entry: LedgerEntry) {
        sequence = entry.sequence
        atMilliseconds = entry.atMilliseconds
        actor = entry.actor
        action = entry.action
        subject = entry.subject
        terminalID = entry.terminalID
        regionCode = entry.regionCode
        detail = entry.detail
        previousHash = entry.previousHash
        hash = entry.hash
    }

    var entry: LedgerEntry {
        LedgerEntry(
            sequence: sequence, atMilliseconds: atMilliseconds, actor: actor, action: action, subject: subject,
            terminalID: terminalID, regionCode: regionCode, detail: detail, previousHash: previousHash, hash: hash)
    }
}

import CardCrypto
import Foundation

/// One line of the ledger (台账): who did what, to whom, when and where, chained by hash to the
/// line before so that an altered or missing line shows. Holds no full ID number: people appear
/// masked.
public struct LedgerEntry: Codable, Hashable, Sendable {
    /// 1, 2, 3, ... with no gaps.
    public var sequence: Int64
    /// Milliseconds since 1970, so the hash does not depend on date formatting.
    public var atMilliseconds: Int64
    /// A staff id, or "card:" + the masked ID number of a resident.
    public var actor: String
    /// What happened ("application.submit", "person.read", "card.issue").
    public var action: String
    /// Whom or what it concerns: a masked ID number, an application id, a card number.
    public var subject: String
    public var terminalID: String
    public var regionCode: String
    /// Short, non-personal detail ("kind=loss-report").
    public var detail: String
    public var previousHash: String
    public var hash: String

    /// The hash that seals this entry's fields onto `previousHash`.
    public var expectedHash: String {
        let fields = [String(sequence), String(atMilliseconds), actor, action, subject, terminalID, regionCode, detail]
        let text = previousHash + "\u{1E}" + fields.joined(separator: "\u{1F}")
        return Digest.sha256(Array(text.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The hash before the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// A new entry after `previous` (nil for the first), sealed.
    public init(
        after previous: LedgerEntry?,
        at date: Date,
        actor: Principal,
        action: String,
        subject: LedgerSubject,
        terminalID: String,
        regionCode: String,
        detail: String = ""
    ) {
        sequence = (previous?.sequence ?? 0) + 1
        atMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        self.actor = actor.ledgerName
        self.action = action
        self.subject = subject.ledgerText
        self.terminalID = terminalID
        self.regionCode = regionCode
        self.detail = detail
        previousHash = previous?.hash ?? Self.genesisHash
        hash = ""
        hash = expectedHash
    }
}

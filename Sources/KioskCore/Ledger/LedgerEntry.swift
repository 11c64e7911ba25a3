import Crypto
import Foundation
import HexCoding

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
        return SHA256.hash(data: Array(text.utf8)).compactHexString
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
        self.init(
            following: previous.map { (sequence: $0.sequence, hash: $0.hash) },
            at: date,
            actor: actor,
            action: action,
            subject: subject,
            terminalID: terminalID,
            regionCode: regionCode,
            detail: detail
        )
    }

    /// A new entry after the recorded head of a ledger (nil for an empty one), sealed.
    ///
    /// A store chains onto the head it keeps beside the ledger rather than onto the last line it
    /// finds: if lines were cut off the end, the next entry then leaves a gap that verification
    /// reports, instead of quietly continuing the shortened chain.
    public init(
        following head: (sequence: Int64, hash: String)?,
        at date: Date,
        actor: Principal,
        action: String,
        subject: LedgerSubject,
        terminalID: String,
        regionCode: String,
        detail: String = ""
    ) {
        sequence = (head?.sequence ?? 0) + 1
        atMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        self.actor = actor.ledgerName
        self.action = action
        self.subject = subject.ledgerText
        self.terminalID = terminalID
        self.regionCode = regionCode
        self.detail = detail
        previousHash = head?.hash ?? Self.genesisHash
        hash = ""
        hash = expectedHash
    }

    /// An entry as a store read it back, unchecked: ``LedgerVerifier`` is what checks it.
    public init(
        sequence: Int64,
        atMilliseconds: Int64,
        actor: String,
        action: String,
        subject: String,
        terminalID: String,
        regionCode: String,
        detail: String,
        previousHash: String,
        hash: String
    ) {
        self.sequence = sequence
        self.atMilliseconds = atMilliseconds
        self.actor = actor
        self.action = action
        self.subject = subject
        self.terminalID = terminalID
        self.regionCode = regionCode
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }
}

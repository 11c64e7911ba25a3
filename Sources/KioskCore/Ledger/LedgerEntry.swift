import Crypto
import Foundation
import HexCoding

/// One line of the ledger (台账): who did what, to whom, when and where, chained by a keyed hash
/// (``LedgerKey``) to the line before so that an altered or missing line shows. Holds no full ID
/// number: people appear masked.
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

    /// The hash that seals this entry's fields onto `previousHash`: an HMAC-SHA256 under the
    /// ledger's key, so that whoever cannot read the key cannot reseal an entry they changed.
    public func expectedHash(sealedWith key: LedgerKey) -> String { key.seal(sealedText) }

    /// The plain SHA-256 the chain used before the ledger key (store migration
    /// `v10-ledger-key`): checked only for the entries before a ``sealAction`` entry.
    public var legacyHash: String { SHA256.hash(data: sealedText).compactHexString }

    private var sealedText: [UInt8] {
        let fields = [String(sequence), String(atMilliseconds), actor, action, subject, terminalID, regionCode, detail]
        return Array((previousHash + "\u{1E}" + fields.joined(separator: "\u{1F}")).utf8)
    }

    /// This entry as the head of its ledger.
    public var head: LedgerHead { LedgerHead(sequence: sequence, hash: hash) }

    /// The hash before the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The action of the entry that seals a ledger's older, plain SHA-256 entries under the key:
    /// the first entry chained with the key, written when a store from before the key is first
    /// opened with one. Entries before it are checked as SHA-256, it and all after it as HMAC.
    public static let sealAction = "ledger.seal"

    /// A new entry after the recorded head of a ledger (nil for an empty one), sealed with `key`.
    ///
    /// A store chains onto the head it keeps beside the ledger rather than onto the last line it
    /// finds: if lines were cut off the end, the next entry then leaves a gap that verification
    /// reports, instead of quietly continuing the shortened chain.
    public init(
        following head: LedgerHead?,
        at date: Date,
        actor: Principal,
        action: String,
        subject: LedgerSubject,
        terminalID: String,
        regionCode: String,
        detail: String = "",
        key: LedgerKey
    ) {
        self.init(
            following: head, at: date, actor: actor.ledgerName, action: action, subject: subject.ledgerText,
            terminalID: terminalID, regionCode: regionCode, detail: detail, key: key)
    }

    /// A new entry of the centre's ledger, whose actors are the county's staff (by id) and the
    /// operator of the command line (`admin:` and their account), not a terminal's principals.
    public init(
        following head: LedgerHead?, at date: Date, actorName: String, action: String, subject: LedgerSubject,
        regionCode: String, detail: String = "", key: LedgerKey
    ) {
        self.init(
            following: head, at: date, actor: actorName, action: action, subject: subject.ledgerText,
            terminalID: Self.centreTerminalID, regionCode: regionCode, detail: detail, key: key)
    }

    /// The `terminalID` of the centre's own entries.
    public static let centreTerminalID = "centre"

    /// The ``sealAction`` entry after the head of a ledger of plain SHA-256 entries.
    public static func seal(
        following head: LedgerHead, at date: Date, terminalID: String, regionCode: String, key: LedgerKey
    ) -> LedgerEntry {
        LedgerEntry(
            following: head, at: date, actor: "terminal", action: sealAction,
            subject: LedgerSubject.terminal.ledgerText,
            terminalID: terminalID, regionCode: regionCode, detail: "chain=hmac-sha256", key: key)
    }

    private init(
        following head: LedgerHead?, at date: Date, actor: String, action: String, subject: String,
        terminalID: String, regionCode: String, detail: String, key: LedgerKey
    ) {
        sequence = (head?.sequence ?? 0) + 1
        atMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        self.actor = actor
        self.action = action
        self.subject = subject
        self.terminalID = terminalID
        self.regionCode = regionCode
        self.detail = detail
        previousHash = head?.hash ?? Self.genesisHash
        hash = ""
        hash = expectedHash(sealedWith: key)
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

import Foundation

/// An outbox entry as it travels to the centre: what to apply, and the key that makes it apply once.
public struct SyncCommand: Codable, Hashable, Sendable {
    /// terminal id + outbox sequence + time: the centre applies each key exactly once.
    public var idempotencyKey: String
    public var kind: SyncCommandKind
    /// The command's JSON as the outbox stored it (``SyncJSON``); base64 in the request body.
    public var payload: Data
    /// The version of the record the command was built on, for update conflicts.
    public var baseVersion: Int?
    public var createdAt: Date

    public init(idempotencyKey: String, kind: SyncCommandKind, payload: Data, baseVersion: Int?, createdAt: Date) {
        self.idempotencyKey = idempotencyKey
        self.kind = kind
        self.payload = payload
        self.baseVersion = baseVersion
        self.createdAt = createdAt
    }
}

/// The body of `POST /sync/v1/commands`: commands in the order the terminal's outbox drains them,
/// and the head of the terminal's ledger, which the centre anchors.
public struct SyncPushRequest: Codable, Hashable, Sendable {
    public var commands: [SyncCommand]
    /// The ledger's head when the push was made; nil while the ledger is empty.
    public var ledgerHead: LedgerHead?
    /// The terminal's own entry at the sequence of the centre's anchor (as the centre last told
    /// it), so that the centre sees the head extends its anchor and not a ledger cut back and
    /// grown past it again; nil when the terminal knows no anchor or holds no entry there.
    public var ledgerAtAnchor: LedgerHead?

    public init(commands: [SyncCommand], ledgerHead: LedgerHead? = nil, ledgerAtAnchor: LedgerHead? = nil) {
        self.commands = commands
        self.ledgerHead = ledgerHead
        self.ledgerAtAnchor = ledgerAtAnchor
    }

    /// The most a push's body may weigh, in bytes: the centre refuses a heavier one whole (413), and
    /// the terminal's drain makes none. Some thousand times a usual push of 200.
    public static let maximumBytes = 4 << 20

    /// The most a body with no command in it can weigh: both ledger heads at their widest.
    static let emptyWeight: Int = {
        let widest = LedgerHead(sequence: .max, hash: String(repeating: "f", count: 64))
        let request = SyncPushRequest(commands: [], ledgerHead: widest, ledgerAtAnchor: widest)
        return (try? SyncJSON.encoder().encode(request).count) ?? 512
    }()

    /// What `command` adds to the body as ``SyncJSON`` writes it, with the comma before it.
    static func weight(of command: SyncCommand) throws -> Int {
        try SyncJSON.encoder().encode(command).count + 1
    }
}

/// What became of one command at the centre.
public struct SyncCommandResult: Codable, Hashable, Sendable {
    public enum Outcome: String, Codable, Hashable, Sendable {
        /// Applied now, in the same transaction as the record of its key.
        case applied
        /// Its key was applied before: nothing done again. Acknowledged like `applied`.
        case duplicate
        /// Against a written rule (outside the terminal's jurisdiction, a stale base version, a card
        /// already lost, a second application for the same person and service): a person must look.
        case refused
    }

    public var idempotencyKey: String
    public var outcome: Outcome
    /// Why it was refused, in words a supervisor can act on; no personal data.
    public var reason: String?
    /// The record's version at the centre after the command.
    public var version: Int?

    public init(idempotencyKey: String, outcome: Outcome, reason: String? = nil, version: Int? = nil) {
        self.idempotencyKey = idempotencyKey
        self.outcome = outcome
        self.reason = reason
        self.version = version
    }

    /// The terminal deletes an entry from its outbox only when this is true.
    public var isAcknowledged: Bool { outcome != .refused }
}

/// The answer to `POST /sync/v1/commands`: one result per command, in the request's order, and
/// what became of the ledger head (nil when the push carried none).
public struct SyncPushResponse: Codable, Hashable, Sendable {
    public var results: [SyncCommandResult]
    public var ledgerAnchor: LedgerAnchorResult?

    public init(results: [SyncCommandResult], ledgerAnchor: LedgerAnchorResult? = nil) {
        self.results = results
        self.ledgerAnchor = ledgerAnchor
    }
}

/// The answer to `GET /sync/v1/changes`: one page of reference data after the caller's cursor.
public struct SyncChanges: Codable, Hashable, Sendable {
    public var page: ReferenceDataPage
    /// More pages wait after `page.cursor`: the terminal asks again at once rather than on its timer.
    public var hasMore: Bool
    /// The seconds the centre held this answer open at most, waiting for a change (`?wait=`); nil
    /// from a centre that answers at once whatever was asked, so the terminal goes back to its timer.
    public var wait: Int?

    public init(page: ReferenceDataPage, hasMore: Bool, wait: Int? = nil) {
        self.page = page
        self.hasMore = hasMore
        self.wait = wait
    }
}

import Foundation

/// One pass of each direction of the sync, over the store and a link: no timers and no I/O of its
/// own, so every rule of docs/SYNC.md is tested against an in-process centre. ``SyncRunner`` runs
/// the passes on a timer with backoff.
public struct SyncEngine<Link: CentreLink>: Sendable {
    public let store: any KioskStore
    public let link: Link
    /// Commands per push (the centre takes at most 200).
    public var batchSize: Int
    /// The most a push's body may weigh (the centre refuses a heavier one whole).
    public var pushBytes: Int
    /// Records asked for per page of changes.
    public var changesLimit: Int
    private let now: @Sendable () -> Date

    public init(
        store: any KioskStore, link: Link, batchSize: Int = 200, pushBytes: Int = SyncPushRequest.maximumBytes,
        changesLimit: Int = 500, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.link = link
        self.batchSize = batchSize
        self.pushBytes = pushBytes
        self.changesLimit = changesLimit
        self.now = now
    }

    /// What one drain did.
    public struct DrainReport: Hashable, Sendable {
        /// Commands the centre acknowledged (applied now or before), deleted from the outbox.
        public var acknowledged = 0
        /// Commands it refused, now waiting for review.
        public var refused = 0
        /// The ledger head the centre holds for this terminal after the drain, as far as it said.
        public var anchored: LedgerHead?
    }

    /// Pushes the pending outbox, batch by batch in drain order, until it is empty; each push
    /// carries the ledger's head for the centre to anchor, with the terminal's entry at the
    /// centre's anchor beside it (``SyncPushRequest/ledgerAtAnchor``). With nothing pending, a head
    /// that moved since `anchored` (what the last drain left the centre holding) goes alone, so
    /// that ledger entries with no command (staff reads) are anchored too, and an idle terminal
    /// sends nothing. A sender that has not learnt the anchor yet (nil: just started) asks for it
    /// first, once. A batch stops short of ``pushBytes``, and the rest goes in the next; an entry
    /// that could never fit in a push goes to review, so that it does not block the queue.
    ///
    /// Deletes exactly the acknowledged keys and marks refused ones for review. On a transport
    /// error or an answer that leaves commands out, the queue's head records the failed attempt
    /// (its `attempts` and `lastAttemptAt` carry the backoff across a restart) and the error is
    /// thrown; nothing else changes, and the same keys go again. A head the centre refuses does
    /// not hold back the commands: they are answered as usual, and once the outbox is empty
    /// ``SyncError/ledgerHeadRefused(_:)`` is thrown when this ledger does not hold the centre's
    /// anchor (it was cut back or rewritten), so the sender backs off and says why.
    public func drain(anchored: LedgerHead? = nil) async throws -> DrainReport {
        var report = DrainReport(anchored: anchored)
        var refusal: String?
        var asked = anchored != nil
        /// The ledger's entry at the centre's anchor, asking the centre for it first if not known yet.
        func entryAtAnchor(_ ledgerHead: LedgerHead?) async throws -> LedgerHead? {
            if !asked, ledgerHead != nil {
                report.anchored = try await link.ledgerAnchor().head
                asked = true
            }
            return try await entry(at: report.anchored)
        }
        while true {
            let batch = try await store.pendingOutbox(limit: batchSize)
            let ledgerHead = try await store.ledgerHead()
            guard let head = batch.first else {
                let atAnchor = try await entryAtAnchor(ledgerHead)
                guard let ledgerHead, ledgerHead != report.anchored, refusal == nil else { break }
                let response = try await link.push(
                    SyncPushRequest(commands: [], ledgerHead: ledgerHead, ledgerAtAnchor: atAnchor))
                Self.note(response.ledgerAnchor, sent: ledgerHead, &report, &refusal)
                continue
            }
            var commands: [SyncCommand] = []
            var weight = SyncPushRequest.emptyWeight
            for entry in batch {
                guard let kind = SyncCommandKind(rawValue: entry.command) else {
                    let error = SyncError.unknownCommand(entry.command)
                    try await store.failed(entry.idempotencyKey, refused: true, reason: error.message, at: now())
                    report.refused += 1
                    continue
                }
                let command = SyncCommand(
                    idempotencyKey: entry.idempotencyKey, kind: kind, payload: entry.payload,
                    baseVersion: entry.baseVersion, createdAt: entry.createdAt)
                let size = try SyncPushRequest.weight(of: command)
                guard SyncPushRequest.emptyWeight + size <= pushBytes else {
                    let error = SyncError.commandTooLarge(bytes: size, limit: pushBytes)
                    try await store.failed(entry.idempotencyKey, refused: true, reason: error.message, at: now())
                    report.refused += 1
                    continue
                }
                guard weight + size <= pushBytes else { break }
                weight += size
                commands.append(command)
            }
            guard !commands.isEmpty else { continue }
            let response: SyncPushResponse
            do {
                let atAnchor = try await entryAtAnchor(ledgerHead)
                response = try await link.push(
                    SyncPushRequest(commands: commands, ledgerHead: ledgerHead, ledgerAtAnchor: atAnchor))
            } catch {
                try await store.failed(head.idempotencyKey, refused: false, reason: "\(error)", at: now())
                throw error
            }
            Self.note(response.ledgerAnchor, sent: ledgerHead, &report, &refusal)
            let results = Dictionary(
                response.results.map { ($0.idempotencyKey, $0) }, uniquingKeysWith: { first, _ in first })
            let acknowledged = commands.compactMap { results[$0.idempotencyKey]?.isAcknowledged == true ? $0 : nil }
            try await store.acknowledge(acknowledged.map(\.idempotencyKey))
            report.acknowledged += acknowledged.count
            for command in commands {
                guard let result = results[command.idempotencyKey], !result.isAcknowledged else { continue }
                let reason = result.reason ?? "refused by the centre"
                try await store.failed(command.idempotencyKey, refused: true, reason: reason, at: now())
                report.refused += 1
            }
            let unanswered = commands.filter { results[$0.idempotencyKey] == nil }
            if let first = unanswered.first {
                let error = SyncError.incompleteAnswer(missing: unanswered.count)
                try await store.failed(first.idempotencyKey, refused: false, reason: error.message, at: now())
                throw error
            }
        }
        // A refused head is an alarm only if the centre's anchor is not in this ledger: a head that
        // merely arrived late (a second sender's, `sync now`) goes back on an anchor the ledger holds.
        if let refusal {
            guard let anchored = report.anchored, try await entry(at: anchored) == anchored else {
                throw SyncError.ledgerHeadRefused(refusal)
            }
        }
        return report
    }

    /// The ledger's own entry at the anchor's sequence, as a head; nil when the ledger holds none there.
    private func entry(at anchor: LedgerHead?) async throws -> LedgerHead? {
        guard let anchor, let entry = try await store.ledger(from: anchor.sequence, limit: 1).first,
            entry.sequence == anchor.sequence
        else { return nil }
        return entry.head
    }

    /// Keeps what the centre said of the head a push carried. A centre that keeps no anchors
    /// answers nothing: the head counts as sent, so it is not sent alone again.
    private static func note(
        _ answer: LedgerAnchorResult?, sent head: LedgerHead?, _ report: inout DrainReport, _ refusal: inout String?
    ) {
        guard let head else { return }
        guard let answer else {
            report.anchored = head
            return
        }
        report.anchored = answer.anchored
        if answer.outcome == .refused { refusal = answer.reason ?? "refused" }
    }

    /// What one pull did.
    public struct PullReport: Hashable, Sendable {
        /// Pages applied, each in its own transaction.
        public var pages = 0
        /// Whether this pull was the first load (the snapshot) rather than changes.
        public var firstLoad = false
        /// Whether the centre held the last answer open for changes (it knows `wait`): the next
        /// pull can go at once, the centre's wait pacing it.
        public var listened = false
    }

    /// Brings the cache up to date: the first load through the snapshot when the cache was never
    /// loaded completely, then changes after the cursor, page after page while more wait. With
    /// `wait`, the centre holds an empty answer up to that many seconds for a change to come.
    public func pull(wait: Int = 0) async throws -> PullReport {
        var report = PullReport()
        guard var cursor = try await store.referenceDataCursor() else {
            report.pages = try await firstLoad()
            report.firstLoad = true
            return report
        }
        while true {
            let changes = try await link.changes(after: cursor, limit: changesLimit, wait: wait)
            try await store.applyReferenceData(changes.page)
            report.pages += 1
            report.listened = wait > 0 && (changes.wait ?? 0) > 0
            cursor = changes.page.cursor
            guard changes.hasMore else { return report }
        }
    }

    /// The bulk path: pages applied as they arrive, the next decoded while the last is written,
    /// and the cache marked loaded only once the stream ended cleanly. An interrupted load leaves
    /// the cache unloaded with the last page it stored, and the next pull goes on after that page at
    /// the same cursor; when the centre will not (``SyncError/snapshotExpired``), it starts afresh
    /// (pages are upserts).
    public func firstLoad() async throws -> Int {
        var resuming = try await store.snapshotResumePoint()
        let snapshot: Link.Snapshot
        do {
            snapshot = try await link.snapshot(resuming: resuming)
        } catch let error as SyncError where error.code == .snapshotExpired {
            try await store.discardSnapshotResumePoint()
            resuming = nil
            snapshot = try await link.snapshot(resuming: nil)
        }
        var pages = 0
        var last: ReferenceDataPage?
        var writing: Task<Void, any Error>?
        do {
            for try await page in snapshot {
                try await writing?.value
                writing = Task { [store] in try await store.applySnapshotPage(page) }
                last = page
                pages += 1
            }
            try await writing?.value
        } catch {
            // The page being written finishes or fails on its own; wait, so that no write outlives the pull.
            _ = try? await writing?.value
            throw error
        }
        if let last {
            try await store.finishSnapshot(cursor: last.cursor, asOf: last.asOf)
        } else if let resuming {
            // The load had stored every page; only its end was lost.
            try await store.finishSnapshot(cursor: resuming.cursor, asOf: resuming.asOf)
        } else {
            throw SyncError.emptySnapshot
        }
        return pages
    }
}

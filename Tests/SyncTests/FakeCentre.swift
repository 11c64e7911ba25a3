import Foundation
import KioskCore
import Synchronization

/// An in-process centre behind the `CentreLink` seam: applies each key once as the real one
/// does, anchors the ledger heads pushes carry (every one, unless told to refuse them), refuses
/// what a test tells it to, and can be cut off.
final class FakeCentre: CentreLink, Sendable {
    struct State {
        /// Keys applied, in the order they arrived.
        var applied: [String] = []
        /// Every push, as the keys it carried.
        var pushes: [[String]] = []
        /// Every push's body as the link would send it, in bytes.
        var pushBytes: [Int] = []
        var refuse: Set<String> = []
        /// Keys answered with no result at all.
        var leaveOut: Set<String> = []
        var down = false
        var changes: [SyncChanges] = []
        var askedAfter: [String] = []
        var askedWait: [Int] = []
        var snapshotPages: [ReferenceDataPage] = []
        /// The snapshot stream breaks after this many pages.
        var snapshotBreaksAfter: Int?
        /// Where each snapshot asked for went on from (nil: from the start).
        var resumedFrom: [SnapshotResumePoint?] = []
        /// A resume is answered `snapshot-expired`.
        var snapshotExpired = false
        /// The ledger head each push carried, in order, and the entry at the anchor beside it.
        var heads: [LedgerHead?] = []
        var atAnchors: [LedgerHead?] = []
        var anchorAsked = 0
        var anchored: LedgerHead?
        var refuseHeads = false
    }

    struct LinkDown: Error {}

    let state = Mutex(State())

    func push(_ request: SyncPushRequest) async throws -> SyncPushResponse {
        try state.withLock { state in
            if state.down { throw LinkDown() }
            state.pushes.append(request.commands.map(\.idempotencyKey))
            state.pushBytes.append(try SyncJSON.encoder().encode(request).count)
            state.heads.append(request.ledgerHead)
            state.atAnchors.append(request.ledgerAtAnchor)
            var results: [SyncCommandResult] = []
            for command in request.commands where !state.leaveOut.contains(command.idempotencyKey) {
                let key = command.idempotencyKey
                if state.refuse.contains(key) {
                    results.append(SyncCommandResult(idempotencyKey: key, outcome: .refused, reason: "stale version"))
                } else if state.applied.contains(key) {
                    results.append(SyncCommandResult(idempotencyKey: key, outcome: .duplicate))
                } else {
                    state.applied.append(key)
                    results.append(SyncCommandResult(idempotencyKey: key, outcome: .applied))
                }
            }
            guard let head = request.ledgerHead else { return SyncPushResponse(results: results) }
            let anchor: LedgerAnchorResult
            if state.refuseHeads {
                anchor = LedgerAnchorResult(
                    outcome: .refused, anchored: state.anchored, reason: "ledger-head-behind: cut back")
            } else {
                state.anchored = head
                anchor = LedgerAnchorResult(outcome: .anchored, anchored: head)
            }
            return SyncPushResponse(results: results, ledgerAnchor: anchor)
        }
    }

    func ledgerAnchor() async throws -> LedgerAnchor {
        try state.withLock { state in
            if state.down { throw LinkDown() }
            state.anchorAsked += 1
            return LedgerAnchor(head: state.anchored, anchoredAt: nil)
        }
    }

    func changes(after cursor: String, limit: Int, wait: Int) async throws -> SyncChanges {
        try state.withLock { state in
            if state.down { throw LinkDown() }
            state.askedAfter.append(cursor)
            state.askedWait.append(wait)
            return state.changes.isEmpty
                ? SyncChanges(page: ReferenceDataPage(cursor: cursor, asOf: Date(milliseconds: 0)), hasMore: false)
                : state.changes.removeFirst()
        }
    }

    /// Resumes after the page whose `resumeAfter` the terminal sends, unless told the snapshot expired.
    func snapshot(resuming: SnapshotResumePoint?) async throws -> AsyncThrowingStream<ReferenceDataPage, any Error> {
        let (all, breaksAfter, down, expired) = state.withLock { state in
            state.resumedFrom.append(resuming)
            return (state.snapshotPages, state.snapshotBreaksAfter, state.down, state.snapshotExpired)
        }
        if down { throw LinkDown() }
        var pages = all[...]
        if let resuming {
            if expired { throw SyncError.snapshotExpired }
            guard let stored = all.firstIndex(where: { $0.resumeAfter == resuming.token }) else { throw LinkDown() }
            pages = all[(stored + 1)...]
        }
        return AsyncThrowingStream { [pages] continuation in
            for (index, page) in pages.enumerated() {
                if index == breaksAfter {
                    continuation.finish(throwing: LinkDown())
                    return
                }
                continuation.yield(page)
            }
            continuation.finish()
        }
    }
}

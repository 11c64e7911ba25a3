import Foundation
import KioskCore
import Testing

@Suite("Draining the outbox to the centre")
struct DrainTests {
    typealias F = SyncFixture

    @Test("every write arrives once, loss report first, and the outbox ends empty")
    func drainsInOrder() async throws {
        try await F.with { fixture in
            try await fixture.fill()
            let queued = try await fixture.store.pendingOutbox(limit: 100).map(\.idempotencyKey)
            let report = try await fixture.engine.drain()
            #expect(report.acknowledged == 10)
            #expect(report.refused == 0)
            let applied = fixture.centre.state.withLock { $0.applied }
            #expect(applied == queued)
            let lossReport = try #require(queued.first)
            #expect(applied.first == lossReport)
            #expect(fixture.centre.state.withLock { $0.pushes.map(\.count) } == [3, 3, 3, 1])
            #expect(try await fixture.store.outboxSummary().pending == 0)
        }
    }

    @Test("a cut link deletes nothing, counts the attempt on the queue's head, and the same keys go again")
    func linkDown() async throws {
        try await F.with { fixture in
            try await fixture.fill()
            let queued = try await fixture.store.pendingOutbox(limit: 100)
            fixture.centre.state.withLock { $0.down = true }
            await #expect(throws: FakeCentre.LinkDown.self) { try await fixture.engine.drain() }
            await #expect(throws: FakeCentre.LinkDown.self) { try await fixture.engine.drain() }
            let after = try await fixture.store.pendingOutbox(limit: 100)
            #expect(after.map(\.idempotencyKey) == queued.map(\.idempotencyKey))
            #expect(after[0].attempts == 2)
            #expect(after[0].lastAttemptAt == F.monday)
            #expect(after.dropFirst().allSatisfy { $0.attempts == 0 })
            fixture.centre.state.withLock { $0.down = false }
            _ = try await fixture.engine.drain()
            #expect(fixture.centre.state.withLock { $0.applied } == queued.map(\.idempotencyKey))
        }
    }

    @Test("a refused command goes to review with the centre's reason and does not block the rest")
    func refused() async throws {
        try await F.with { fixture in
            try await fixture.fill()
            let queued = try await fixture.store.pendingOutbox(limit: 100).map(\.idempotencyKey)
            fixture.centre.state.withLock { $0.refuse = [queued[1]] }
            let report = try await fixture.engine.drain()
            #expect(report.acknowledged == 9 && report.refused == 1)
            let review = try await fixture.store.outboxNeedingReview(limit: 10)
            #expect(review.map(\.idempotencyKey) == [queued[1]])
            #expect(review.first?.lastError == "stale version")
            #expect(
                try await fixture.store.outboxSummary()
                    == OutboxSummary(pending: 0, oldestPendingAt: nil, needsReview: 1))
            _ = try await fixture.engine.drain()
            #expect(fixture.centre.state.withLock { $0.pushes.flatMap { $0 } }.filter { $0 == queued[1] }.count == 1)
        }
    }

    @Test("an answer that leaves commands out: the answered ones go, the others stay and the drain fails")
    func incompleteAnswer() async throws {
        try await F.with { fixture in
            try await fixture.fill()
            let queued = try await fixture.store.pendingOutbox(limit: 100).map(\.idempotencyKey)
            fixture.centre.state.withLock { $0.leaveOut = [queued[2]] }
            await #expect(throws: SyncError.incompleteAnswer(missing: 1)) { try await fixture.engine.drain() }
            let left = try await fixture.store.pendingOutbox(limit: 100)
            #expect(left.map(\.idempotencyKey) == Array(queued.dropFirst(2)))
            #expect(left[0].attempts == 1)
        }
    }

    @Test("a command pushed twice (acknowledgement lost) is acknowledged as a duplicate and applied once")
    func duplicate() async throws {
        try await F.with { fixture in
            try await fixture.fill()
            let queued = try await fixture.store.pendingOutbox(limit: 100)
            // The centre applied the head, but its answer never arrived.
            _ = try await fixture.centre.push(
                SyncPushRequest(commands: [
                    SyncCommand(
                        idempotencyKey: queued[0].idempotencyKey, kind: .cardMove, payload: queued[0].payload,
                        baseVersion: queued[0].baseVersion, createdAt: queued[0].createdAt)
                ]))
            let report = try await fixture.engine.drain()
            #expect(report.acknowledged == 10)
            #expect(fixture.centre.state.withLock { $0.applied } == queued.map(\.idempotencyKey))
        }
    }

    @Test(
        "pushes stay under the centre's size limit: a heavy queue goes in several, and an entry no push can carry goes to review"
    )
    func pushesStayUnderTheSizeLimit() async throws {
        try await F.with { fixture in
            try await fixture.fill()
            let limit = 2_000
            // A form whose details alone outweigh any push.
            _ = try await fixture.store.submit(
                .init(
                    kind: .trainingSignUp, idNumber: F.residents[6],
                    details: ["note": String(repeating: "长", count: limit)]), by: F.clerk, at: F.monday)
            let queued = try await fixture.store.pendingOutbox(limit: 100).map(\.idempotencyKey)
            let engine = SyncEngine(
                store: fixture.store, link: fixture.centre, batchSize: 200, pushBytes: limit, now: { F.monday })
            let report = try await engine.drain()
            #expect(report.acknowledged == 10 && report.refused == 1)
            let (pushes, sizes, applied) = fixture.centre.state.withLock { ($0.pushes, $0.pushBytes, $0.applied) }
            #expect(pushes.count > 1, "\(sizes)")
            #expect(sizes.allSatisfy { $0 <= limit }, "\(sizes)")
            #expect(applied == queued.filter { $0 != queued.last })
            let review = try await fixture.store.outboxNeedingReview(limit: 10)
            #expect(review.map(\.idempotencyKey) == [queued.last])
            #expect(review.first?.lastError?.contains("larger than a push") == true)
        }
    }

    @Test("every push carries the ledger's head; with nothing pending a moved head goes alone, once")
    func ledgerHeadGoesWithEveryPush() async throws {
        try await F.with { fixture in
            try await fixture.fill()
            let head = try #require(try await fixture.store.ledgerHead())
            #expect(head.sequence == 10)
            let report = try await fixture.engine.drain()
            #expect(report.anchored == head)
            #expect(fixture.centre.state.withLock { $0.heads } == Array(repeating: head, count: 4))
            // Asked once for the anchor (none yet); then each push holds the entry at the one it made.
            #expect(fixture.centre.state.withLock { $0.anchorAsked } == 1)
            #expect(fixture.centre.state.withLock { $0.atAnchors } == [nil, head, head, head])

            // Nothing pending and the head where the centre has it: no request at all.
            _ = try await fixture.engine.drain(anchored: report.anchored)
            #expect(fixture.centre.state.withLock { $0.pushes.count } == 4)

            // A staff read is a ledger entry with no command: its head goes alone, then rests.
            try await fixture.store.log(
                "person.read", subject: .person(idNumber: F.residents[0]), by: F.clerk, detail: "", at: F.monday)
            let moved = try #require(try await fixture.store.ledgerHead())
            let alone = try await fixture.engine.drain(anchored: report.anchored)
            #expect(alone.anchored == moved && alone.acknowledged == 0)
            _ = try await fixture.engine.drain(anchored: alone.anchored)
            let pushes = fixture.centre.state.withLock { state in zip(state.pushes, state.heads).map { ($0.count, $1) }
            }
            #expect(pushes.count == 5)
            #expect(pushes.last?.0 == 0 && pushes.last?.1 == moved)
            #expect(fixture.centre.state.withLock { $0.atAnchors.last } == head)
            #expect(fixture.centre.state.withLock { $0.anchorAsked } == 1)
        }
    }

    @Test("a sender just started learns the centre's anchor and sends its own entry there; an idle one, nothing")
    func learnsTheAnchor() async throws {
        try await F.with { fixture in
            try await fixture.fill()
            let anchored = try #require(try await fixture.store.ledger(from: 6, limit: 1).first).head
            fixture.centre.state.withLock { $0.anchored = anchored }
            _ = try await fixture.engine.drain()
            #expect(fixture.centre.state.withLock { $0.atAnchors.first } == anchored)
            let head = try #require(try await fixture.store.ledgerHead())
            let pushes = fixture.centre.state.withLock { $0.pushes.count }
            // Restarted with the outbox empty and the head anchored: one question, no push.
            let idle = try await fixture.engine.drain()
            #expect(idle.anchored == head)
            #expect(fixture.centre.state.withLock { $0.pushes.count } == pushes)
        }
    }

    @Test("a refused head holds back no command: all are acknowledged, then the drain says the head was refused")
    func refusedHead() async throws {
        try await F.with { fixture in
            try await fixture.fill()
            // The centre holds an anchor further on than this ledger has ever been.
            let elsewhere = LedgerHead(sequence: 20, hash: String(repeating: "F", count: 64))
            fixture.centre.state.withLock {
                $0.refuseHeads = true
                $0.anchored = elsewhere
            }
            await #expect(throws: SyncError.ledgerHeadRefused("")) { try await fixture.engine.drain() }
            #expect(try await fixture.store.outboxSummary().pending == 0)
            #expect(fixture.centre.state.withLock { $0.applied.count } == 10)
            // The head goes again with the next drain, whatever the last one thought.
            await #expect(throws: SyncError.ledgerHeadRefused("")) { try await fixture.engine.drain() }
            #expect(fixture.centre.state.withLock { $0.pushes.last } == [])
        }
    }

    @Test("a head refused only for arriving late, behind an anchor this ledger holds, is no alarm")
    func lateHeadRefused() async throws {
        try await F.with { fixture in
            try await fixture.fill()
            let head = try #require(try await fixture.store.ledgerHead())
            fixture.centre.state.withLock {
                $0.refuseHeads = true
                $0.anchored = head
            }
            let report = try await fixture.engine.drain()
            #expect(report.acknowledged == 10 && report.anchored == head)
        }
    }
}

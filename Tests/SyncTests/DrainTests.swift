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
}

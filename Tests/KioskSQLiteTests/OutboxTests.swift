import Foundation
import KioskCore
import Testing

@Suite("The outbox as the sync sender sees it")
struct OutboxTests {
    typealias F = StoreFixture

    /// An ordinary submission, a card that will be reported lost, a loss report and another
    /// ordinary submission, in that order.
    func fill(_ store: some KioskStore) async throws {
        _ = try await store.submit(
            .init(kind: .residentPensionEnrolment, idNumber: F.residents[0]), by: F.clerk, at: F.monday)
        _ = try await store.requestCard(cardNumber: "A12345678", for: F.residents[1], by: F.clerk, at: F.monday)
        for status in [CardStatus.inProduction, .readyAtDesk, .issued, .lost] {
            _ = try await store.move(card: "A12345678", to: status, by: F.clerk, at: F.monday)
        }
        _ = try await store.submit(.init(kind: .lossReport, idNumber: F.residents[2]), by: F.clerk, at: F.monday)
        _ = try await store.submit(.init(kind: .trainingSignUp, idNumber: F.residents[3]), by: F.clerk, at: F.monday)
    }

    @Test("loss reports drain first, then everything else in the order it was made")
    func ordering() async throws {
        try await F.with { fixture in
            try await fill(fixture.store)
            let pending = try await fixture.store.pendingOutbox(limit: 100)
            #expect(pending.map(\.sequence) == [6, 7, 1, 2, 3, 4, 5, 8])
            #expect(pending.prefix(2).map(\.command) == ["card.move", "application.submit"])
            #expect(pending[0].priority > pending[2].priority)
            #expect(try await fixture.store.pendingOutbox(limit: 3).map(\.sequence) == [6, 7, 1])
            #expect(Set(pending.map(\.idempotencyKey)).count == 8)
        }
    }

    @Test("acknowledging deletes the given keys and only those")
    func acknowledge() async throws {
        try await F.with { fixture in
            try await fill(fixture.store)
            let pending = try await fixture.store.pendingOutbox(limit: 100)
            try await fixture.store.acknowledge([pending[0].idempotencyKey, pending[3].idempotencyKey, "T-0009-1-1"])
            let left = try await fixture.store.pendingOutbox(limit: 100)
            #expect(left == pending.enumerated().filter { ![0, 3].contains($0.offset) }.map(\.element))
            try await fixture.store.acknowledge([])
            #expect(try await fixture.store.pendingOutbox(limit: 100) == left)
        }
    }

    @Test("a failed attempt is counted and stays queued; a refused command goes to review and stops blocking")
    func failures() async throws {
        try await F.with { fixture in
            let store = fixture.store
            try await fill(store)
            let first = try #require(try await store.pendingOutbox(limit: 1).first)
            let later = F.monday.addingTimeInterval(30)
            try await store.failed(first.idempotencyKey, refused: false, reason: "timed out", at: later)
            try await store.failed(first.idempotencyKey, refused: false, reason: "connection refused", at: later)
            let retried = try #require(try await store.pendingOutbox(limit: 1).first)
            #expect(retried.idempotencyKey == first.idempotencyKey)
            #expect(retried.attempts == 2)
            #expect(retried.lastError == "connection refused")
            #expect(retried.lastAttemptAt == later)

            try await store.failed(first.idempotencyKey, refused: true, reason: "card unknown at the centre", at: later)
            let next = try await store.pendingOutbox(limit: 100)
            #expect(next.count == 7)
            #expect(!next.contains { $0.idempotencyKey == first.idempotencyKey })
            let review = try await store.outboxNeedingReview(limit: 10)
            #expect(review.map(\.idempotencyKey) == [first.idempotencyKey])
            #expect(review.first?.status == .needsReview)
            #expect(review.first?.attempts == 3)

            await #expect(throws: KioskError.notFound("", chinese: "")) {
                try await store.failed("T-0001-999-0", refused: true, reason: "", at: later)
            }
        }
    }
}

import Foundation
import KioskCore
import Testing

@testable import Centre

/// The centre's anchor of each terminal's ledger head, on both stores: kept when a head extends
/// it, refused and recorded when one goes back on it.
@Suite struct LedgerAnchorTests {
    static func head(_ sequence: Int64, _ digit: Character = "A") -> LedgerHead {
        LedgerHead(sequence: sequence, hash: String(repeating: digit, count: 64))
    }

    @Test func theRules() {
        let anchored = Self.head(10)
        #expect(LedgerAnchorRules.decide(Self.head(1), anchored: nil) == .anchor)
        #expect(LedgerAnchorRules.decide(Self.head(11, "B"), anchored: anchored) == .anchor)
        #expect(LedgerAnchorRules.decide(Self.head(10), anchored: anchored) == .same)
        #expect(
            LedgerAnchorRules.decide(Self.head(9), anchored: anchored)
                == .refuse(.ledgerHeadBehind(offered: 9, anchored: 10)))
        #expect(
            LedgerAnchorRules.decide(Self.head(10, "B"), anchored: anchored)
                == .refuse(.ledgerHeadDiffers(sequence: 10)))
    }

    @Test(arguments: StoreKind.testable)
    func anchorsHeadsThatExtendAndRefusesAndRecordsOnesThatGoBack(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (terminal, _) = try Fixtures.terminal()
            let (other, _) = try Fixtures.terminal("T-102")
            try await store.register(terminal)
            try await store.register(other)
            let now = Fixtures.now
            #expect(try await store.ledgerAnchor(of: terminal) == LedgerAnchor(head: nil, anchoredAt: nil))

            #expect(
                try await store.anchorLedger(Self.head(5), of: terminal, at: now)
                    == LedgerAnchorResult(outcome: .anchored, anchored: Self.head(5)))
            let later = now.addingTimeInterval(60)
            #expect(try await store.anchorLedger(Self.head(10), of: terminal, at: later).outcome == .anchored)
            #expect(try await store.anchorLedger(Self.head(10), of: terminal, at: later).outcome == .anchored)
            #expect(
                try await store.ledgerAnchor(of: terminal) == LedgerAnchor(head: Self.head(10), anchoredAt: later))

            // Cut back, then rewritten at the anchor: both refused, the anchor kept.
            let behind = try await store.anchorLedger(Self.head(7), of: terminal, at: later)
            #expect(behind.outcome == .refused && behind.anchored == Self.head(10))
            #expect(behind.reason?.hasPrefix("ledger-head-behind: ") == true)
            let differs = try await store.anchorLedger(Self.head(10, "B"), of: terminal, at: later)
            #expect(differs.outcome == .refused && differs.anchored == Self.head(10))
            #expect(differs.reason?.hasPrefix("ledger-head-differs: ") == true)
            let again = later.addingTimeInterval(60)
            #expect(try await store.anchorLedger(Self.head(7), of: terminal, at: again).outcome == .refused)
            #expect(
                try await store.ledgerAnchor(of: terminal)
                    == LedgerAnchor(head: Self.head(10), anchoredAt: later, refusals: 3, lastRefusedAt: again))

            // Another terminal's ledger is its own.
            #expect(try await store.anchorLedger(Self.head(2), of: other, at: now).outcome == .anchored)
            #expect(try await store.ledgerAnchor(of: other) == LedgerAnchor(head: Self.head(2), anchoredAt: now))
        }
    }

    /// Two pushes of one terminal at once (the service's sender and `sync now`): each head is judged
    /// against the anchor the other left, so the anchor ends at the highest and none is lost.
    @Test(arguments: StoreKind.testable)
    func concurrentHeadsOfOneTerminalAreJudgedOneAtATime(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (terminal, _) = try Fixtures.terminal()
            try await store.register(terminal)
            let results = try await withThrowingTaskGroup(of: LedgerAnchorResult.self) { group in
                for sequence in Int64(1)...20 {
                    group.addTask { try await store.anchorLedger(Self.head(sequence), of: terminal, at: Fixtures.now) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let anchor = try await store.ledgerAnchor(of: terminal)
            #expect(anchor.head == Self.head(20))
            #expect(anchor.refusals == results.filter { $0.outcome == .refused }.count)
        }
    }
}

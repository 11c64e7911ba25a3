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
        func decide(_ offered: LedgerHead, atAnchor: LedgerHead? = nil, _ anchored: LedgerHead? = anchored)
            -> LedgerAnchorRules.Decision
        {
            LedgerAnchorRules.decide(offered, atAnchor: atAnchor, anchored: anchored)
        }
        #expect(decide(Self.head(1), nil) == .anchor)
        #expect(decide(Self.head(11, "B")) == .anchor)
        #expect(decide(Self.head(11, "B"), atAnchor: anchored) == .anchor)
        #expect(decide(Self.head(10)) == .same)
        #expect(decide(Self.head(9)) == .refuse(.ledgerHeadBehind(offered: 9, anchored: 10)))
        #expect(decide(Self.head(10, "B")) == .refuse(.ledgerHeadDiffers(sequence: 10)))
        // Grown past the anchor again after a cut: the entry at the anchor gives it away.
        #expect(decide(Self.head(14, "B"), atAnchor: Self.head(10, "C")) == .refuse(.ledgerHeadDiffers(sequence: 10)))
        // An entry from an older anchor proves nothing either way.
        #expect(decide(Self.head(14, "B"), atAnchor: Self.head(8, "C")) == .anchor)
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
                try await store.anchorLedger(Self.head(5), atAnchor: nil, of: terminal, at: now)
                    == LedgerAnchorResult(outcome: .anchored, anchored: Self.head(5)))
            let later = now.addingTimeInterval(60)
            #expect(
                try await store.anchorLedger(Self.head(10), atAnchor: nil, of: terminal, at: later).outcome == .anchored
            )
            #expect(
                try await store.anchorLedger(Self.head(10), atAnchor: nil, of: terminal, at: later).outcome == .anchored
            )
            #expect(
                try await store.ledgerAnchor(of: terminal) == LedgerAnchor(head: Self.head(10), anchoredAt: later))

            // Cut back, then rewritten at the anchor: both refused, the anchor kept.
            let behind = try await store.anchorLedger(Self.head(7), atAnchor: nil, of: terminal, at: later)
            #expect(behind.outcome == .refused && behind.anchored == Self.head(10))
            #expect(behind.reason?.hasPrefix("ledger-head-behind: ") == true)
            let differs = try await store.anchorLedger(Self.head(10, "B"), atAnchor: nil, of: terminal, at: later)
            #expect(differs.outcome == .refused && differs.anchored == Self.head(10))
            #expect(differs.reason?.hasPrefix("ledger-head-differs: ") == true)
            let again = later.addingTimeInterval(60)
            #expect(
                try await store.anchorLedger(Self.head(7), atAnchor: nil, of: terminal, at: again).outcome == .refused)
            #expect(
                try await store.ledgerAnchor(of: terminal)
                    == LedgerAnchor(head: Self.head(10), anchoredAt: later, refusals: 3, lastRefusedAt: again))

            // Cut back and grown past the anchor again: the terminal's entry at the anchor is another one.
            let regrown = try await store.anchorLedger(
                Self.head(14, "B"), atAnchor: Self.head(10, "C"), of: terminal, at: again)
            #expect(regrown.outcome == .refused && regrown.anchored == Self.head(10))
            #expect(regrown.reason?.hasPrefix("ledger-head-differs: ") == true)
            #expect(
                try await store.anchorLedger(Self.head(12, "B"), atAnchor: Self.head(10), of: terminal, at: again)
                    == LedgerAnchorResult(outcome: .anchored, anchored: Self.head(12, "B")))

            // Another terminal's ledger is its own.
            #expect(try await store.anchorLedger(Self.head(2), atAnchor: nil, of: other, at: now).outcome == .anchored)
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
                    group.addTask {
                        try await store.anchorLedger(Self.head(sequence), atAnchor: nil, of: terminal, at: Fixtures.now)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let anchor = try await store.ledgerAnchor(of: terminal)
            #expect(anchor.head == Self.head(20))
            #expect(anchor.refusals == results.filter { $0.outcome == .refused }.count)
        }
    }
}

import Centre
import Foundation
import KioskCore
import Testing

/// A push's facts are read for all its commands at once: each command must still be judged on what
/// the earlier commands of the same push left, exactly as if each came in a push of its own.
@Suite struct PushDependencyTests {
    /// Commands of one push that depend on one another: an application submitted then moved and
    /// closed, a service freed by a withdrawal then taken again, a card requested, reported lost,
    /// requested again and found, a serial registered twice. Before it, another push left an open
    /// application of the second person.
    static func commands(_ people: [Person]) throws -> (before: SyncCommand, push: [SyncCommand]) {
        func move(_ id: String, _ status: ApplicationStatus, by: String, key: String, base: Int) throws -> SyncCommand {
            try Fixtures.command(
                .applicationMove, ApplicationMovePayload(id: id, status: status, by: by, at: Fixtures.now), key: key,
                base: base)
        }
        let number = Fixtures.newCardNumber(1)
        func moveCard(_ status: CardStatus, key: String, base: Int) throws -> SyncCommand {
            try Fixtures.command(
                .cardMove, CardMovePayload(cardNumber: number, status: status, by: "clerk1", at: Fixtures.now),
                key: key, base: base)
        }
        let card = CardRecord(cardNumber: number, idNumber: people[0].idNumber, requestedBy: "clerk1", at: Fixtures.now)
        let certificate = SignedCertificate(
            serial: "T-101-print-1", kind: "contribution-statement", payloadHash: String(repeating: "ab", count: 32),
            keyID: "T-101", regionCode: Fixtures.home, signedAt: Fixtures.now)
        var taken = certificate
        taken.payloadHash = String(repeating: "cd", count: 32)
        let before = try Fixtures.command(
            .applicationSubmit, Fixtures.application("T-101-1", for: people[1]), key: "k0")
        let push = [
            try Fixtures.command(.applicationSubmit, Fixtures.application("T-101-2", for: people[0]), key: "k1"),
            try move("T-101-2", .approved, by: "super1", key: "k2", base: 1),
            try Fixtures.command(.applicationSubmit, Fixtures.application("T-101-3", for: people[0]), key: "k3"),
            try move("T-101-2", .completed, by: "clerk2", key: "k4", base: 2),
            try Fixtures.command(.applicationSubmit, Fixtures.application("T-101-4", for: people[0]), key: "k5"),
            try move("T-101-1", .withdrawn, by: "clerk1", key: "k6", base: 1),
            try Fixtures.command(.applicationSubmit, Fixtures.application("T-101-5", for: people[1]), key: "k7"),
            try Fixtures.command(.applicationSubmit, Fixtures.application("T-101-6", for: people[1]), key: "k8"),
            try move("T-101-5", .approved, by: "super1", key: "k9", base: 2),
            try Fixtures.command(.cardRequest, card, key: "c1"),
            try moveCard(.lost, key: "c2", base: 1),
            try Fixtures.command(.cardRequest, card, key: "c3"),
            try moveCard(.active, key: "c4", base: 2),
            try Fixtures.command(.certificateIssue, certificate, key: "s1"),
            try Fixtures.command(.certificateIssue, taken, key: "s2"),
        ]
        return (before, push)
    }

    @Test(arguments: StoreKind.testable)
    func eachCommandSeesTheEarlierOnesOfItsPush(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let (before, push) = try Self.commands(home[0].people)
            _ = try await store.apply([before], from: terminal, at: Fixtures.now)
            let results = try await store.apply(push, from: terminal, at: Fixtures.now)
            #expect(
                results.map(\.outcome) == [
                    .applied, .applied, .refused, .applied, .applied, .applied, .applied, .refused, .refused,
                    .applied, .applied, .refused, .applied, .applied, .refused,
                ])
            #expect(results.map(\.version) == [1, 2, nil, 3, 1, 2, 1, nil, nil, 1, 2, nil, 3, 1, nil])
            #expect(results[2].reason?.hasPrefix("duplicate-application") == true)
            #expect(results[7].reason?.hasPrefix("duplicate-application") == true)
            #expect(results[8].reason?.hasPrefix("stale-version") == true)
            #expect(results[11].reason?.hasPrefix("card-number-taken") == true)
            #expect(results[14].reason?.hasPrefix("certificate-serial-taken") == true)
        }
    }

    @Test(arguments: StoreKind.testable)
    func aPushAnswersAndWritesAsItsCommandsOneAPush(_ kind: StoreKind) async throws {
        let together = try await kind.withStore { store in try await Self.outcome(of: store, onePushEach: false) }
        let apart = try await kind.withStore { store in try await Self.outcome(of: store, onePushEach: true) }
        #expect(together.results == apart.results)
        #expect(together.cards == apart.cards)
        #expect(together.cards.first?.steps.map(\.status) == [.applied, .lost, .active])
    }

    /// The answers to ``commands(_:)`` and the cards they leave, pushed whole or one command a push.
    static func outcome(of store: any CentreStore, onePushEach: Bool) async throws -> (
        results: [SyncCommandResult], cards: [CardRecord]
    ) {
        let (home, _) = try await Fixtures.load(store)
        let (terminal, _) = try Fixtures.terminal()
        let (before, push) = try commands(home[0].people)
        let start = try await store.currentCursor()
        _ = try await store.apply([before], from: terminal, at: Fixtures.now)
        var results: [SyncCommandResult] = []
        if onePushEach {
            for command in push { results += try await store.apply([command], from: terminal, at: Fixtures.now) }
        } else {
            results = try await store.apply(push, from: terminal, at: Fixtures.now)
        }
        let pulled = try await store.changes(after: start, in: terminal.jurisdiction, limit: 100_000, at: Fixtures.now)
        return (results, pulled.page.cardRecords)
    }
}

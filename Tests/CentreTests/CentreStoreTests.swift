import Centre
import Foundation
import KioskCore
import Testing

/// One suite, both stores: every test runs against SQLite and PostgreSQL alike.
@Suite struct CentreStoreTests {
    // MARK: Terminals

    @Test(arguments: StoreKind.testable)
    func registersTerminalsByTokenHash(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (terminal, token) = try Fixtures.terminal()
            try await store.register(terminal)
            #expect(try await store.terminal(tokenHash: TerminalToken.hash(token)) == terminal)
            #expect(try await store.terminal(tokenHash: TerminalToken.hash(token + "0")) == nil)
            let (again, _) = try Fixtures.terminal()
            await #expect(throws: CentreError.terminalExists) { try await store.register(again) }
        }
    }

    // MARK: Commands

    @Test(arguments: StoreKind.testable)
    func appliesASubmissionOnceAndAnswersDuplicateAfter(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let person = home[0].people[0]
            let submit = try Fixtures.command(
                .applicationSubmit, Fixtures.application("T-101-1", for: person), key: "T-101-1-1")
            let first = try await store.apply([submit], from: terminal, at: Fixtures.now)
            #expect(first == [SyncCommandResult(idempotencyKey: "T-101-1-1", outcome: .applied, version: 1)])
            let again = try await store.apply([submit, submit], from: terminal, at: Fixtures.now)
            #expect(again.map(\.outcome) == [.duplicate, .duplicate])
            #expect(again.map(\.version) == [1, 1])

            // Applied once: a move built on version 1 is current, and takes it to 2.
            let move = try Fixtures.command(
                .applicationMove,
                ApplicationMovePayload(id: "T-101-1", status: .approved, by: "super1", at: Fixtures.now),
                key: "T-101-2-1", base: 1)
            #expect(try await store.apply([move], from: terminal, at: Fixtures.now).first?.version == 2)
        }
    }

    /// The centre takes a new record only where its lifecycle starts: a terminal cannot create an
    /// application already approved or completed, nor a card already issued or active.
    @Test(arguments: StoreKind.testable)
    func recordsArriveWhereTheirLifecycleStarts(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let people = home.flatMap(\.people)
            var approved = Fixtures.application("T-101-1", for: people[0], status: .approved)
            approved.approvedBy = "super1"
            var completed = Fixtures.application("T-101-2", for: people[1])
            completed.completedAt = Fixtures.now
            var stopped = Fixtures.application("T-101-3", for: people[2])
            stopped.clockStoppedAt = Fixtures.now
            let flagged = Fixtures.application("T-101-4", for: people[3], status: .needsReview)
            var active = CardRecord(
                cardNumber: Fixtures.newCardNumber(1), idNumber: people[4].idNumber, requestedBy: "clerk1",
                at: Fixtures.now)
            try active.move(to: .inProduction, by: "clerk1", at: Fixtures.now)
            var chipped = CardRecord(
                cardNumber: Fixtures.newCardNumber(2), idNumber: people[5].idNumber, requestedBy: "clerk1",
                at: Fixtures.now)
            chipped.cardIdentifier = "0102030405060708"
            let applied = CardRecord(
                cardNumber: Fixtures.newCardNumber(3), idNumber: people[6].idNumber, requestedBy: "clerk1",
                at: Fixtures.now)
            let results = try await store.apply(
                [
                    try Fixtures.command(.applicationSubmit, approved, key: "s1"),
                    try Fixtures.command(.applicationSubmit, completed, key: "s2"),
                    try Fixtures.command(.applicationSubmit, stopped, key: "s3"),
                    try Fixtures.command(.applicationSubmit, flagged, key: "s4"),
                    try Fixtures.command(.cardRequest, active, key: "c1"),
                    try Fixtures.command(.cardRequest, chipped, key: "c2"),
                    try Fixtures.command(.cardRequest, applied, key: "c3"),
                ], from: terminal, at: Fixtures.now)
            #expect(results.map(\.outcome) == [.refused, .refused, .refused, .applied, .refused, .refused, .applied])
            #expect(
                results.filter { $0.outcome == .refused }.allSatisfy { $0.reason?.hasPrefix("creation-state:") == true }
            )
            #expect(try await store.application(id: "T-101-1") == nil)
            #expect(try await store.application(id: "T-101-4")?.status == .needsReview)
        }
    }

    /// Two people for a new card at the centre too: the clerk who wrote the chip is refused its issue
    /// and its activation, whichever terminal the move comes from; a colleague does both.
    @Test(arguments: StoreKind.testable)
    func whoeverWroteTheChipNeitherIssuesNorActivates(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let number = Fixtures.newCardNumber(7)
            func move(_ status: CardStatus, by actor: String, key: String) throws -> SyncCommand {
                try Fixtures.command(
                    .cardMove, CardMovePayload(cardNumber: number, status: status, by: actor, at: Fixtures.now),
                    key: key)
            }
            let results = try await store.apply(
                [
                    try Fixtures.command(
                        .cardRequest,
                        CardRecord(
                            cardNumber: number, idNumber: home[0].people[0].idNumber, requestedBy: "clerk1",
                            at: Fixtures.now), key: "r"),
                    try move(.inProduction, by: "centre", key: "m1"),
                    try move(.readyAtDesk, by: "clerk1", key: "m2"),
                    try move(.issued, by: "clerk1", key: "m3"),
                    try move(.issued, by: "clerk2", key: "m4"),
                    try move(.active, by: "clerk1", key: "m5"),
                    try move(.active, by: "clerk2", key: "m6"),
                ], from: terminal, at: Fixtures.now)
            #expect(
                results.map(\.outcome) == [.applied, .applied, .applied, .refused, .applied, .refused, .applied],
                "\(results)")
            #expect(results[3].reason?.hasPrefix("separation-of-duties:") == true)
            #expect(results[5].reason?.hasPrefix("separation-of-duties:") == true)
        }
    }

    /// A move by a member the centre administers is judged on their role, jurisdiction and level as
    /// the desk judges it, and a disabled member's is refused; a terminal's own account (one the
    /// centre does not know) is judged on the case alone.
    @Test(arguments: StoreKind.testable)
    func aMoveIsJudgedOnItsMembersRole(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let members: [(String, CentreRole, Bool)] = [
                ("c-clerk", .clerk, false), ("c-super", .supervisor, false), ("c-gone", .supervisor, true),
            ]
            for (id, role, disabled) in members {
                try await store.addStaff(
                    CentreStaffAccount(
                        member: CentreStaffMember(
                            id: id, name: id, role: role, jurisdiction: try Jurisdiction(Fixtures.home)),
                        password: try PasswordHash(hashing: "member-pass-1", cost: 10), mustChangePassword: false,
                        isDisabled: disabled, createdAt: Fixtures.now))
            }
            let people = home.flatMap(\.people)
            let submitted = try await store.apply(
                try (1...4).map {
                    try Fixtures.command(
                        .applicationSubmit, Fixtures.application("T-101-\($0)", for: people[$0]), key: "s\($0)")
                }, from: terminal, at: Fixtures.now)
            #expect(submitted.map(\.outcome) == Array(repeating: .applied, count: 4), "\(submitted)")
            func approve(_ number: Int, by actor: String) throws -> SyncCommand {
                try Fixtures.command(
                    .applicationMove,
                    ApplicationMovePayload(
                        id: "T-101-\(number)", action: .approve, status: .approved, by: actor, at: Fixtures.now),
                    key: "a\(number)", base: 1)
            }
            let results = try await store.apply(
                [
                    try approve(1, by: "c-clerk"), try approve(2, by: "c-gone"), try approve(3, by: "c-super"),
                    try approve(4, by: "terminal-supervisor"),
                ], from: terminal, at: Fixtures.now)
            #expect(results.map(\.outcome) == [.refused, .refused, .applied, .applied], "\(results)")
            #expect(results[0].reason?.hasPrefix("forbidden") == true)
            #expect(results[1].reason?.hasPrefix("staff-disabled") == true)
            #expect(try await store.application(id: "T-101-3")?.approvedBy == "c-super")
        }
    }

    /// A desk's photo is kept with its card for production while the card is still to be made or
    /// issued; the last kept wins, and a card elsewhere or already issued is refused.
    @Test(arguments: StoreKind.testable)
    func keepsACardsPhotoForProduction(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, neighbour) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let (other, _) = try Fixtures.terminal("T-102", jurisdiction: Fixtures.neighbour)
            let (mine, theirs) = (Fixtures.newCardNumber(8), Fixtures.newCardNumber(9))
            func request(_ number: String, _ person: Person) throws -> SyncCommand {
                try Fixtures.command(
                    .cardRequest,
                    CardRecord(cardNumber: number, idNumber: person.idNumber, requestedBy: "clerk1", at: Fixtures.now),
                    key: "r-\(number)")
            }
            func photo(_ number: String, _ bytes: Data, key: String) throws -> SyncCommand {
                try Fixtures.command(
                    .cardPhoto, CardPhotoPayload(cardNumber: number, jpeg: bytes, by: "clerk1", at: Fixtures.now),
                    key: key)
            }
            _ = try await store.apply([try request(theirs, neighbour[0].people[0])], from: other, at: Fixtures.now)
            let results = try await store.apply(
                [
                    try request(mine, home[0].people[0]),
                    try photo(mine, Data([0xFF, 0xD8, 1]), key: "p1"),
                    try photo(mine, Data([0xFF, 0xD8, 2]), key: "p2"),
                    try photo(theirs, Data([0xFF, 0xD8, 3]), key: "p3"),
                    try photo(mine, Data(count: CardPhotoPayload.maximumBytes + 1), key: "p4"),
                    try Fixtures.command(
                        .cardMove,
                        CardMovePayload(cardNumber: mine, status: .cancelled, by: "super1", at: Fixtures.now),
                        key: "m"),
                    try photo(mine, Data([0xFF, 0xD8, 5]), key: "p5"),
                ], from: terminal, at: Fixtures.now)
            #expect(
                results.map(\.outcome) == [.applied, .applied, .applied, .refused, .refused, .applied, .refused],
                "\(results)")
            #expect(results[3].reason?.hasPrefix("unknown-card") == true)
            #expect(results[4].reason?.hasPrefix("malformed-payload") == true)
            #expect(results[6].reason?.hasPrefix("photo-too-late") == true)
            #expect(try await store.cardPhoto(cardNumber: mine) == Data([0xFF, 0xD8, 2]))
            #expect(try await store.cardPhoto(cardNumber: theirs) == nil)
        }
    }

    @Test(arguments: StoreKind.testable)
    func firstWriterWinsByApplicationID(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let application = Fixtures.application("T-101-1", for: home[0].people[0])
            let first = try Fixtures.command(.applicationSubmit, application, key: "k1")
            var other = application
            other.kind = .trainingSignUp
            let second = try Fixtures.command(.applicationSubmit, other, key: "k2")
            let results = try await store.apply([first, second], from: terminal, at: Fixtures.now)
            #expect(results.map(\.outcome) == [.applied, .refused])
            #expect(results[1].reason?.hasPrefix("application-id-taken") == true)
        }
    }

    @Test(arguments: StoreKind.testable)
    func refusesASecondOpenApplicationForTheSameService(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let person = home[0].people[1]
            let results = try await store.apply(
                [
                    try Fixtures.command(.applicationSubmit, Fixtures.application("T-101-1", for: person), key: "k1"),
                    try Fixtures.command(.applicationSubmit, Fixtures.application("T-101-2", for: person), key: "k2"),
                    try Fixtures.command(
                        .applicationSubmit, Fixtures.application("T-101-3", for: person, kind: .trainingSignUp),
                        key: "k3"),
                ], from: terminal, at: Fixtures.now)
            #expect(results.map(\.outcome) == [.applied, .refused, .applied])
            #expect(results[1].reason?.hasPrefix("duplicate-application") == true)
            #expect(results[1].reason?.contains(person.idNumber) == false)
        }
    }

    @Test(arguments: StoreKind.testable)
    func refusesAMoveOnAStaleVersionOrAnIllegalOne(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let submit = try Fixtures.command(
                .applicationSubmit, Fixtures.application("T-101-1", for: home[0].people[0]), key: "k1")
            func move(_ status: ApplicationStatus, by: String = "super1", key: String, base: Int?) throws -> SyncCommand
            {
                try Fixtures.command(
                    .applicationMove, ApplicationMovePayload(id: "T-101-1", status: status, by: by, at: Fixtures.now),
                    key: key, base: base)
            }
            let results = try await store.apply(
                [
                    submit,
                    try move(.approved, key: "k2", base: 2),
                    try move(.approved, key: "k3", base: nil),
                    try move(.completed, key: "k4", base: 1),
                    try move(.approved, by: "clerk1", key: "k5", base: 1),
                    try move(.approved, key: "k6", base: 1),
                    try move(.withdrawn, key: "k7", base: 1),
                ], from: terminal, at: Fixtures.now)
            #expect(results.map(\.outcome) == [.applied, .refused, .refused, .refused, .refused, .applied, .refused])
            #expect(results[1].reason?.hasPrefix("stale-version") == true)
            #expect(results[3].reason?.hasPrefix("illegal-transition") == true)
            #expect(results[4].reason?.hasPrefix("separation-of-duties") == true)
            #expect(results[6].reason?.hasPrefix("stale-version") == true)
            let unknown = try Fixtures.command(
                .applicationMove, ApplicationMovePayload(id: "nope", status: .approved, by: "s", at: Fixtures.now),
                key: "k8", base: 1)
            #expect(
                try await store.apply([unknown], from: terminal, at: Fixtures.now)[0].reason?.hasPrefix(
                    "unknown-application") == true)
        }
    }

    @Test(arguments: StoreKind.testable)
    func aRefusedKeyIsRefusedAgainWithoutBeingJudgedAgain(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let person = home[0].people[0]
            let second = try Fixtures.command(
                .applicationSubmit, Fixtures.application("T-101-2", for: person), key: "k2")
            let first = try Fixtures.command(
                .applicationSubmit, Fixtures.application("T-101-1", for: person), key: "k1")
            let withdraw = try Fixtures.command(
                .applicationMove, ApplicationMovePayload(id: "T-101-1", status: .withdrawn, by: "c", at: Fixtures.now),
                key: "k3", base: 1)
            let results = try await store.apply([first, second, withdraw, second], from: terminal, at: Fixtures.now)
            // Once the first is withdrawn the second would pass, but its key was judged already.
            #expect(results.map(\.outcome) == [.applied, .refused, .applied, .refused])
            #expect(results[3].reason == results[1].reason)
        }
    }

    @Test(arguments: StoreKind.testable)
    func aLossReportWinsAndALostCardStaysLost(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let person = home[0].people[0]
            let number = Fixtures.newCardNumber(1)
            func move(_ status: CardStatus, key: String, base: Int?) throws -> SyncCommand {
                try Fixtures.command(
                    .cardMove, CardMovePayload(cardNumber: number, status: status, by: "clerk1", at: Fixtures.now),
                    key: key, base: base)
            }
            let card = CardRecord(
                cardNumber: number, idNumber: person.idNumber, requestedBy: "clerk1", at: Fixtures.now)
            let results = try await store.apply(
                [
                    try Fixtures.command(.cardRequest, card, key: "k1"),
                    // applied → lost has no edge in the lifecycle; a loss report wins anyway.
                    try move(.lost, key: "k2", base: 1),
                    // A terminal that had not seen the loss (base 1) may not make it usable.
                    try move(.active, key: "k3", base: 1),
                    // Lifting the loss on the centre's current copy (2 steps) stands.
                    try move(.active, key: "k4", base: 2),
                    try Fixtures.command(.cardRequest, card, key: "k5"),
                ], from: terminal, at: Fixtures.now)
            #expect(results.map(\.outcome) == [.applied, .applied, .refused, .applied, .refused])
            #expect(results.map(\.version) == [1, 2, nil, 3, nil])
            #expect(results[2].reason?.hasPrefix("card-lost") == true)
            #expect(results[4].reason?.hasPrefix("card-number-taken") == true)

            let pulled = try await store.changes(
                after: .start, in: terminal.jurisdiction, limit: 100_000, at: Fixtures.now)
            let stored = try #require(pulled.page.cardRecords.first { $0.cardNumber == number })
            #expect(stored.status == .active)
            #expect(stored.steps.map(\.status) == [.applied, .lost, .active])
        }
    }

    @Test(arguments: StoreKind.testable)
    func aLossReportNeverReopensAReplacedOrCancelledCard(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            for (index, end) in [CardStatus.replaced, .cancelled].enumerated() {
                let number = Fixtures.newCardNumber(30 + index)
                func move(_ status: CardStatus, _ key: String, base: Int?) throws -> SyncCommand {
                    try Fixtures.command(
                        .cardMove, CardMovePayload(cardNumber: number, status: status, by: "clerk1", at: Fixtures.now),
                        key: "\(key)-\(index)", base: base)
                }
                let card = CardRecord(
                    cardNumber: number, idNumber: home[0].people[index].idNumber, requestedBy: "clerk1",
                    at: Fixtures.now)
                // Replaced goes through a loss (lost → replaced); cancelled is reached from any state.
                let path: [SyncCommand] =
                    end == .replaced
                    ? [try move(.lost, "lost", base: 1), try move(.replaced, "end", base: 2)]
                    : [try move(.cancelled, "end", base: 1)]
                let closed = try await store.apply(
                    [try Fixtures.command(.cardRequest, card, key: "request-\(index)")] + path, from: terminal,
                    at: Fixtures.now)
                #expect(closed.allSatisfy { $0.outcome == .applied }, "\(closed)")
                let version = try #require(closed.last?.version)
                let report = try await store.apply(
                    [try move(.lost, "late-loss", base: version), try move(.active, "lift", base: version + 1)],
                    from: terminal, at: Fixtures.now)
                #expect(report.map(\.outcome) == [.refused, .refused])
                #expect(report[0].reason?.hasPrefix("card-closed") == true, "\(report)")
                let pulled = try await store.changes(
                    after: .start, in: terminal.jurisdiction, limit: 100_000, at: Fixtures.now)
                #expect(pulled.page.cardRecords.first { $0.cardNumber == number }?.status == end)
            }
        }
    }

    @Test(arguments: StoreKind.testable)
    func refusesRecordsOutsideTheJurisdiction(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (_, neighbour) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let stranger = neighbour[0].people[0]
            let strangersCard = neighbour[0].cardRecords[0]
            var disguised = Fixtures.application("T-101-9", for: stranger)
            // The terminal claims its own region; the centre knows where the person lives.
            disguised.regionCode = Fixtures.home + "001"
            let results = try await store.apply(
                [
                    try Fixtures.command(.applicationSubmit, Fixtures.application("T-101-1", for: stranger), key: "k1"),
                    try Fixtures.command(.applicationSubmit, disguised, key: "k2"),
                    try Fixtures.command(
                        .cardRequest,
                        CardRecord(
                            cardNumber: Fixtures.newCardNumber(2), idNumber: stranger.idNumber, requestedBy: "c",
                            at: Fixtures.now), key: "k3"),
                    try Fixtures.command(
                        .cardMove,
                        CardMovePayload(cardNumber: strangersCard.cardNumber, status: .lost, by: "c", at: Fixtures.now),
                        key: "k4", base: strangersCard.steps.count),
                ], from: terminal, at: Fixtures.now)
            #expect(results.map(\.outcome) == [.refused, .refused, .refused, .refused])
            #expect(results[0..<3].allSatisfy { $0.reason?.hasPrefix("outside-jurisdiction") == true })
            // A card outside the jurisdiction is answered as one the centre does not have.
            #expect(results[3].reason?.hasPrefix("unknown-card") == true)
            #expect(results.allSatisfy { $0.reason?.contains(stranger.idNumber) == false })
        }
    }

    /// A terminal that names records beyond its jurisdiction (a neighbour's application, card,
    /// person, document serial) gets, for each, the very answer it gets for one that does not exist:
    /// access is judged before the centre says "taken" or "unknown".
    @Test(arguments: StoreKind.testable)
    func aTerminalLearnsNothingOfRecordsOutsideItsJurisdiction(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (_, neighbour) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let (other, _) = try Fixtures.terminal("T-102", jurisdiction: Fixtures.neighbour)
            let stranger = neighbour[0].people[0]
            let strangersCard = neighbour[0].cardRecords[0]
            let nobody = Person(
                idNumber: "110101199003070010", name: "无", sex: .male, birthDate: stranger.birthDate,
                regionCode: Fixtures.home + "001")
            let certificate = SignedCertificate(
                serial: "T-102-print-1", kind: "contribution-statement",
                payloadHash: String(repeating: "ab", count: 32),
                keyID: "T-102", regionCode: Fixtures.neighbour, signedAt: Fixtures.now)
            let neighbours = try await store.apply(
                [
                    try Fixtures.command(.applicationSubmit, Fixtures.application("T-102-1", for: stranger), key: "n1"),
                    try Fixtures.command(.certificateIssue, certificate, key: "n2"),
                ], from: other, at: Fixtures.now)
            #expect(neighbours.map(\.outcome) == [.applied, .applied])

            /// A command under a key given later.
            typealias Probe = (_ key: String) throws -> SyncCommand
            func probe(_ kind: SyncCommandKind, _ payload: some Encodable & Sendable) -> Probe {
                { try Fixtures.command(kind, payload, key: $0, base: 1) }
            }
            func moveApplication(_ id: String) -> Probe {
                probe(.applicationMove, ApplicationMovePayload(id: id, status: .approved, by: "s", at: Fixtures.now))
            }
            func moveCard(_ number: String) -> Probe {
                probe(.cardMove, CardMovePayload(cardNumber: number, status: .lost, by: "c", at: Fixtures.now))
            }
            func requestCard(for person: Person) -> Probe {
                probe(
                    .cardRequest,
                    CardRecord(
                        cardNumber: Fixtures.newCardNumber(5), idNumber: person.idNumber, requestedBy: "c",
                        at: Fixtures.now))
            }
            func submit(_ id: String, for person: Person) -> Probe {
                var application = Fixtures.application(id, for: person)
                application.regionCode = Fixtures.home + "001"
                return probe(.applicationSubmit, application)
            }
            func certify(_ serial: String) -> Probe {
                var entry = certificate
                entry.serial = serial
                return probe(.certificateIssue, entry)
            }
            // Each pair: a record that exists beyond the jurisdiction, and one that exists nowhere.
            let pairs: [(String, Probe, Probe)] = [
                ("move an application", moveApplication("T-102-1"), moveApplication("T-102-9")),
                ("move a card", moveCard(strangersCard.cardNumber), moveCard(Fixtures.newCardNumber(6))),
                ("request a card", requestCard(for: stranger), requestCard(for: nobody)),
                ("submit for a person", submit("T-101-1", for: stranger), submit("T-101-2", for: nobody)),
                ("take an application id", submit("T-102-1", for: stranger), submit("T-102-9", for: stranger)),
                ("take a serial", certify("T-102-print-1"), certify("T-102-print-9")),
            ]
            for (index, (what, exists, absent)) in pairs.enumerated() {
                let results = try await store.apply(
                    [try exists("e\(index)"), try absent("a\(index)")], from: terminal, at: Fixtures.now)
                #expect(results.map(\.outcome) == [.refused, .refused], "\(what)")
                #expect(results[0].reason == results[1].reason, "\(what): \(results.map(\.reason))")
            }
            // Nothing of the neighbour's changed.
            let there = try await store.changes(
                after: .start, in: try Jurisdiction(Fixtures.neighbour), limit: 100_000, at: Fixtures.now)
            #expect(there.page.cardRecords.first { $0.cardNumber == strangersCard.cardNumber } == strangersCard)
            #expect(try await store.certificate(serial: "T-102-print-1") == certificate)
        }
    }

    @Test(arguments: StoreKind.testable)
    func refusesAPayloadThatDoesNotDecode(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (terminal, _) = try Fixtures.terminal()
            let command = SyncCommand(
                idempotencyKey: "k1", kind: .cardMove, payload: Data("{}".utf8), baseVersion: nil,
                createdAt: Fixtures.now)
            let result = try await store.apply([command], from: terminal, at: Fixtures.now)
            #expect(result.map(\.outcome) == [.refused])
            #expect(result[0].reason?.hasPrefix("malformed-payload") == true)
        }
    }

    // MARK: Pulls

    @Test(arguments: StoreKind.testable)
    func pagesOfChangesCoverTheJurisdictionOnceInOrder(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, neighbour) = try await Fixtures.load(store)
            let jurisdiction = try Jurisdiction(Fixtures.home)
            var cursor = SyncCursor.start
            var pulled = ReferenceDataPage(cursor: "", asOf: Fixtures.now)
            var pages = 0
            while true {
                let changes = try await store.changes(after: cursor, in: jurisdiction, limit: 97, at: Fixtures.now)
                let next = try #require(SyncCursor(changes.page.cursor))
                #expect(next > cursor || !changes.hasMore)
                cursor = next
                pulled.append(changes.page)
                pages += 1
                if !changes.hasMore { break }
            }
            let expected = home.reduce(into: ReferenceDataPage(cursor: "", asOf: Fixtures.now)) { $0.append($1) }
            #expect(pages > 2)
            #expect(pulled.people.sorted(by: Fixtures.byID) == expected.people.sorted(by: Fixtures.byID))
            #expect(Set(pulled.contributions) == Set(expected.contributions))
            #expect(pulled.contributions.count == expected.contributions.count)
            #expect(Set(pulled.enrolments) == Set(expected.enrolments))
            #expect(Set(pulled.pensionPayments) == Set(expected.pensionPayments))
            #expect(Set(pulled.cardRecords) == Set(expected.cardRecords))
            #expect(Set(pulled.jobPostings) == Set(expected.jobPostings))
            let strangers = Set(neighbour.flatMap(\.people).map(\.idNumber))
            #expect(pulled.contributions.allSatisfy { !strangers.contains($0.idNumber) })

            // Nothing new: the same cursor, nothing more. A new card: exactly that card.
            let idle = try await store.changes(after: cursor, in: jurisdiction, limit: 97, at: Fixtures.now)
            #expect(idle.page.cursor == cursor.description && !idle.hasMore && idle.page.cardRecords.isEmpty)
            let (terminal, _) = try Fixtures.terminal()
            let card = CardRecord(
                cardNumber: Fixtures.newCardNumber(3), idNumber: home[0].people[0].idNumber, requestedBy: "c",
                at: Fixtures.now)
            _ = try await store.apply(
                [try Fixtures.command(.cardRequest, card, key: "k1")], from: terminal, at: Fixtures.now)
            let fresh = try await store.changes(after: cursor, in: jurisdiction, limit: 97, at: Fixtures.now)
            #expect(fresh.page.cardRecords == [card])
            #expect(fresh.page.people.isEmpty && fresh.page.contributions.isEmpty)
        }
    }

    @Test(arguments: StoreKind.testable)
    func aSnapshotHoldsTheWholeJurisdictionAndItsCursor(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let before = try await store.currentCursor()
            var pages: [ReferenceDataPage] = []
            try await store.snapshot(of: try Jurisdiction(Fixtures.home), peoplePerPage: 5, at: Fixtures.now) {
                pages.append($0)
            }
            let expected = home.reduce(into: ReferenceDataPage(cursor: "", asOf: Fixtures.now)) { $0.append($1) }
            let got = pages.reduce(into: ReferenceDataPage(cursor: "", asOf: Fixtures.now)) { $0.append($1) }
            #expect(pages.count == 3)
            #expect(pages.allSatisfy { $0.cursor == before.description && $0.asOf == Fixtures.now })
            #expect(got.people.sorted(by: Fixtures.byID) == expected.people.sorted(by: Fixtures.byID))
            #expect(Set(got.enrolments) == Set(expected.enrolments))
            #expect(Set(got.contributions) == Set(expected.contributions))
            #expect(got.contributions.count == expected.contributions.count)
            #expect(Set(got.pensionPayments) == Set(expected.pensionPayments))
            #expect(Set(got.cardRecords) == Set(expected.cardRecords))
            #expect(Set(got.jobPostings) == Set(expected.jobPostings))
        }
    }

    // MARK: Atomicity

    @Test(arguments: StoreKind.testable)
    func aLoadThatFailsHalfWayLeavesNothing(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let before = try await store.currentCursor()
            var page = Fixtures.pages(Fixtures.township("430121103", seed: 9))[0]
            // The people and most rows go in before the repeated contribution breaks the key.
            page.contributions.append(page.contributions[0])
            await #expect(throws: (any Error).self) { try await store.load(page) }
            #expect(try await store.currentCursor() == before)
            var seen = 0
            try await store.snapshot(of: try Jurisdiction("430121103"), at: Fixtures.now) { seen += $0.people.count }
            #expect(seen == 0)
            // The home township is untouched, and a good page still loads.
            page.contributions.removeLast()
            try await store.load(page)
            #expect(try await store.currentCursor() > before)
            _ = home
        }
    }

    // MARK: Certificates

    @Test(arguments: StoreKind.testable)
    func registersCertificatesFirstWriterWinsBySerial(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (terminal, _) = try Fixtures.terminal()
            let certificate = SignedCertificate(
                serial: "T-101-print-1", kind: "contribution-statement",
                payloadHash: String(repeating: "ab", count: 32),
                keyID: "T-101", regionCode: Fixtures.home, signedAt: Fixtures.now)
            var second = certificate
            second.payloadHash = String(repeating: "cd", count: 32)
            var elsewhere = certificate
            elsewhere.serial = "T-101-print-2"
            elsewhere.regionCode = "430121103"
            let results = try await store.apply(
                [
                    try Fixtures.command(.certificateIssue, certificate, key: "k1"),
                    try Fixtures.command(.certificateIssue, certificate, key: "k1"),
                    try Fixtures.command(.certificateIssue, second, key: "k2"),
                    try Fixtures.command(.certificateIssue, elsewhere, key: "k3"),
                ], from: terminal, at: Fixtures.now)
            #expect(results.map(\.outcome) == [.applied, .duplicate, .refused, .refused])
            #expect(results[2].reason?.hasPrefix("certificate-serial-taken") == true)
            #expect(results[3].reason?.hasPrefix("outside-jurisdiction") == true)
            #expect(try await store.certificate(serial: "T-101-print-1") == certificate)
            #expect(try await store.certificate(serial: "T-101-print-2") == nil)
            try await store.checkHealth()
        }
    }
}

extension Fixtures {
    static func byID(_ lhs: Person, _ rhs: Person) -> Bool { lhs.idNumber < rhs.idNumber }
}

extension ReferenceDataPage {
    mutating func append(_ page: ReferenceDataPage) {
        people += page.people
        enrolments += page.enrolments
        contributions += page.contributions
        pensionPayments += page.pensionPayments
        jobPostings += page.jobPostings
        cardRecords += page.cardRecords
        staff += page.staff
        calendarYears += page.calendarYears
        removals += page.removals
    }
}

extension CentreStoreTests {
    // MARK: Card production

    @Test(arguments: StoreKind.testable)
    func aBatchTakesTheAreasAppliedCardsAndDeliversThemReady(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, neighbour) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let (other, _) = try Fixtures.terminal("T-102", jurisdiction: Fixtures.neighbour)
            let people = home.flatMap(\.people)
            let cards = (0..<3).map { index in
                CardRecord(
                    cardNumber: Fixtures.newCardNumber(index), idNumber: people[index].idNumber, requestedBy: "clerk1",
                    at: Fixtures.now)
            }
            let stranger = CardRecord(
                cardNumber: Fixtures.newCardNumber(9), idNumber: try #require(neighbour.first?.people.first).idNumber,
                requestedBy: "clerk2", at: Fixtures.now)
            let requested = try await store.apply(
                try cards.enumerated().map { try Fixtures.command(.cardRequest, $1, key: "r\($0)") }, from: terminal,
                at: Fixtures.now)
            #expect(requested.map(\.outcome) == [.applied, .applied, .applied])
            _ = try await store.apply(
                [try Fixtures.command(.cardRequest, stranger, key: "r9")], from: other, at: Fixtures.now)
            let alreadyApplied = home.flatMap(\.cardRecords).filter { $0.status == .applied }.count
            let before = try await store.currentCursor()

            let later = Fixtures.now.addingTimeInterval(3600)
            let batch = try #require(try await store.startBatch(in: try Jurisdiction(Fixtures.home), at: later))
            #expect(batch.cardCount == cards.count + alreadyApplied)
            #expect(batch.status == .inProduction)
            #expect(try await store.startBatch(in: try Jurisdiction(Fixtures.home), at: later) == nil)

            // Terminals learn it from the change feed.
            func cardsHere(after cursor: SyncCursor) async throws -> [String: CardRecord] {
                let changes = try await store.changes(
                    after: cursor, in: try Jurisdiction(Fixtures.home), limit: 1000, at: later)
                return Dictionary(changes.page.cardRecords.map { ($0.cardNumber, $0) }) { $1 }
            }
            let started = try await cardsHere(after: before)
            #expect(started.count == batch.cardCount)
            for card in cards {
                #expect(started[card.cardNumber]?.status == .inProduction)
                #expect(started[card.cardNumber]?.steps.last?.by == "centre:production")
            }

            // One card is reported lost while it is at the bureau: it stays lost.
            let lost = try await store.apply(
                [
                    try Fixtures.command(
                        .cardMove, CardMovePayload(cardNumber: cards[0].cardNumber, status: .lost, by: "c", at: later),
                        key: "l0", base: 2)
                ], from: terminal, at: later)
            #expect(lost.map(\.outcome) == [.applied])
            let afterLoss = try await store.currentCursor()
            let delivered = try await store.deliverBatch(batch.id, at: later.addingTimeInterval(86_400))
            #expect(delivered.status == .delivered)
            let ready = try await cardsHere(after: afterLoss)
            #expect(ready[cards[0].cardNumber] == nil)
            #expect(ready[cards[1].cardNumber]?.status == .readyAtDesk)
            #expect(ready[cards[2].cardNumber]?.status == .readyAtDesk)
            #expect(ready.count == batch.cardCount - 1)

            // The neighbouring township's card was not taken.
            let there = try await store.changes(
                after: .start, in: try Jurisdiction(Fixtures.neighbour), limit: 5000, at: later)
            #expect(there.page.cardRecords.first { $0.cardNumber == stranger.cardNumber }?.status == .applied)

            await #expect(throws: CentreError.unknownBatch) {
                try await store.deliverBatch("B-none", at: later)
            }
        }
    }
}

extension CentreStoreTests {
    // MARK: Snapshot limit and audit

    /// Two starts a minute per terminal: the third within the minute is refused with the wait until
    /// the first leaves the window and is not recorded; another terminal is counted apart; every
    /// pull is recorded with its area, cursor, rows and end (none when it broke off).
    @Test(arguments: StoreKind.testable)
    func snapshotsAreLimitedPerTerminalAndRecorded(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (home, _) = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            let (other, _) = try Fixtures.terminal("T-102", jurisdiction: Fixtures.neighbour)
            try await store.register(terminal)
            try await store.register(other)
            let limit = SnapshotLimit(starts: 2, window: 60)
            let area = try Jurisdiction(Fixtures.home)
            let t0 = Fixtures.now

            let first = try await store.startSnapshot(by: terminal, of: area, limit: limit, at: t0)
            #expect(first.cursor == (try await store.currentCursor()))
            var rows = 0
            try await store.snapshot(of: area, from: first.cursor, peoplePerPage: 5, at: t0) { page in
                #expect(page.cursor == first.cursor.description)
                rows += page.rowCount
            }
            #expect(rows == home.reduce(0) { $0 + $1.rowCount })
            try await store.endSnapshot(first.id, rowCount: rows, finishedAt: t0.addingTimeInterval(2))

            let broken = try await store.startSnapshot(by: terminal, of: area, limit: limit, at: t0 + 10)
            try await store.endSnapshot(broken.id, rowCount: 5, finishedAt: nil)
            let refusal = await #expect(throws: CentreError.self) {
                _ = try await store.startSnapshot(by: terminal, of: area, limit: limit, at: t0 + 20)
            }
            #expect(refusal?.code == .tooManySnapshots && refusal?.httpStatus == 429 && refusal?.retryAfter == 40)
            let neighbours = try await store.startSnapshot(
                by: other, of: other.jurisdiction, limit: limit, at: t0 + 20)
            let later = try await store.startSnapshot(by: terminal, of: area, limit: limit, at: t0 + 61)

            let pulls = try await store.snapshotPulls(since: t0)
            #expect(pulls.map(\.id) == [first.id, broken.id, neighbours.id, later.id])
            #expect(pulls.map(\.terminalID) == ["T-101", "T-101", "T-102", "T-101"])
            #expect(pulls.map(\.jurisdiction) == [area, area, other.jurisdiction, area])
            #expect(pulls[0].rowCount == rows && pulls[0].finishedAt == t0.addingTimeInterval(2))
            #expect(pulls[0].startedAt == t0 && pulls[0].cursor == first.cursor)
            #expect(pulls[1].rowCount == 5 && pulls[1].finishedAt == nil)
            #expect(pulls[3].rowCount == nil && pulls[3].finishedAt == nil)
            #expect(try await store.snapshotPulls(since: t0 + 15).map(\.id) == [neighbours.id, later.id])
        }
    }

    @Test(arguments: StoreKind.testable)
    func resumesAreCountedApartFromFreshStarts(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await Fixtures.load(store)
            let (terminal, _) = try Fixtures.terminal()
            try await store.register(terminal)
            let limit = SnapshotLimit(starts: 2, window: 600, resumes: 4)
            let area = try Jurisdiction(Fixtures.home)
            let t0 = Fixtures.now
            let first = try await store.startSnapshot(by: terminal, of: area, limit: limit, at: t0)
            // A line that drops every few seconds: each resume goes on at the snapshot's cursor.
            var resumes: [SnapshotPull] = []
            for step in 1...4 {
                resumes.append(
                    try await store.startSnapshot(
                        by: terminal, of: area, resuming: first.cursor, limit: limit, at: t0 + Double(step)))
            }
            #expect(resumes.allSatisfy { $0.resumed && $0.cursor == first.cursor })
            let tooMany = await #expect(throws: CentreError.self) {
                _ = try await store.startSnapshot(
                    by: terminal, of: area, resuming: first.cursor, limit: limit, at: t0 + 5)
            }
            #expect(tooMany?.code == .tooManySnapshots && tooMany?.retryAfter == 596)
            // Four resumes left room for the second fresh start, not for a third.
            let second = try await store.startSnapshot(by: terminal, of: area, limit: limit, at: t0 + 6)
            #expect(!second.resumed)
            let third = await #expect(throws: CentreError.self) {
                _ = try await store.startSnapshot(by: terminal, of: area, limit: limit, at: t0 + 7)
            }
            #expect(third?.code == .tooManySnapshots && third?.retryAfter == 593)
            let pulls = try await store.snapshotPulls(since: t0)
            #expect(pulls.map(\.resumed) == [false, true, true, true, true, false])
        }
    }

    /// Starts at the same moment by one terminal with room for one: one is let through.
    @Test(arguments: StoreKind.testable)
    func concurrentStartsShareOneLimit(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let (terminal, _) = try Fixtures.terminal()
            try await store.register(terminal)
            let limit = SnapshotLimit(starts: 1, window: 3600)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await store.startSnapshot(
                                by: terminal, of: terminal.jurisdiction, limit: limit, at: Fixtures.now)
                            return true
                        } catch let error as CentreError where error.code == .tooManySnapshots {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await store.snapshotPulls(since: Fixtures.now).count == 1)
        }
    }
}

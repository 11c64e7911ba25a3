import Foundation
import KioskCore
import KioskSQLite
import TestSupport
import Testing
import Vocabulary

/// The whole service, not just the store: a real `sskiosk serve` process takes a clerk's and a
/// supervisor's writes over HTTP from several clients at once and is SIGKILLed at a random moment,
/// round after round. Every write it answered must be there after a restart, each with its outbox
/// and ledger entries, and `sskiosk ledger verify` must pass.
@Suite("Service crash safety")
struct ServiceCrashSafetyTests {
    /// What the service acknowledged with a 2xx: only these must survive.
    actor Acknowledged {
        var submitted: Set<String> = []
        var approved: Set<String> = []
        var requested: Set<String> = []
        var inProduction: Set<String> = []
        var count = 0

        enum Write { case submitted, approved, requested, inProduction }

        func record(_ write: Write, _ value: String) {
            switch write {
            case .submitted: submitted.insert(value)
            case .approved: approved.insert(value)
            case .requested: requested.insert(value)
            case .inProduction: inProduction.insert(value)
            }
            count += 1
        }
    }

    static let township = "430102001"
    static let rounds = 10
    static let clients = 4

    @Test("SIGKILL of sskiosk serve under concurrent writes loses no acknowledged write, leaves none half-written")
    func killedWhileServing() async throws {
        let fixture = try TestTerminal.make()
        try await fixture.seed()
        let township = SyntheticTownship(
            seed: 7, regionCode: Self.township, people: 40, months: 2, lastMonth: YearMonth("2026-10")!)
        for page in township { try await fixture.store.applyReferenceData(page) }
        let people = township.flatMap { $0.people.map(\.idNumber) }
        let acknowledged = Acknowledged()
        for round in 1...Self.rounds {
            let service = try await ServiceProcess.start(database: fixture.path)
            let clerk = try await APIClient(port: service.port).login("clerk1", password: TestTerminal.password)
            let supervisor = try await APIClient(port: service.port).login(
                "supervisor1", password: TestTerminal.password)
            let target = await acknowledged.count + Int.random(in: 10...60)
            let termination = try await withThrowingTaskGroup(of: Void.self) { group in
                for client in 0..<Self.clients {
                    group.addTask {
                        await Self.write(
                            clerk: clerk, supervisor: supervisor, people: people,
                            prefix: "R\(round)C\(client)", into: acknowledged)
                    }
                }
                let deadline = ContinuousClock.now + .seconds(120)
                while await acknowledged.count < target, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(1))
                }
                try await Task.sleep(for: .microseconds(Int.random(in: 0...20_000)))
                #expect(service.process.isRunning, "round \(round): the service stopped on its own: \(service.logText)")
                let termination = try await service.kill()
                try await group.waitForAll()
                return termination
            }
            #expect(termination == .signalled(SIGKILL))
            try await check(fixture.path, people: people, acknowledged: acknowledged, round: round)
        }
        #expect(await acknowledged.submitted.count >= Self.rounds * 5, "too few writes to show anything")
    }

    /// One client's loop until the service goes away: an application, approved by the supervisor
    /// every second time; a card request every third time, moved into production.
    static func write(
        clerk: APIClient, supervisor: APIClient, people: [String], prefix: String, into acknowledged: Acknowledged
    ) async {
        let kinds = ApplicationKind.allCases.filter(\.isFiled)
        do {
            for index in 0... {
                let person = people[index % people.count]
                let (status, data) = try await clerk.send(
                    "POST", "/api/applications",
                    json: ["kind": kinds[index % kinds.count].rawValue, "idNumber": person])
                guard status == 201 else { continue }
                let id = try JSONDecoder().decode(IDOnly.self, from: data).id
                await acknowledged.record(.submitted, id)
                if index % 2 == 1,
                    try await supervisor.send("POST", "/api/applications/\(id)/status", json: ["status": "approved"])
                        .0 == 200
                {
                    await acknowledged.record(.approved, id)
                }
                guard index % 3 == 0 else { continue }
                let card = "\(prefix)N\(index)"
                guard
                    try await clerk.send("POST", "/api/cards", json: ["cardNumber": card, "idNumber": person]).0 == 201
                else { continue }
                await acknowledged.record(.requested, card)
                if try await supervisor.send("POST", "/api/cards/\(card)/status", json: ["status": "in-production"])
                    .0 == 200
                {
                    await acknowledged.record(.inProduction, card)
                }
            }
        } catch {
            // The connection went with the killed service: this client's round is over.
        }
    }

    struct IDOnly: Decodable { var id: String }

    /// Every acknowledged write is there; every application and card has exactly the outbox and
    /// ledger entries of the writes it went through, and no entry lacks its record; the ledger
    /// verifies through the command an auditor runs.
    func check(_ path: String, people: [String], acknowledged: Acknowledged, round: Int) async throws {
        let store = try SQLiteKioskStore(
            path: path, ledgerKey: try LedgerKeyFile.read(ServiceProcess.ledgerKeyPath(for: path)))
        let applications = try await store.applications(ApplicationFilter(limit: 1_000_000))
        // The cards the clients requested; the township's own came from the centre, with no outbox or ledger entry.
        var cards: [CardRecord] = []
        for person in people {
            cards += try await store.cardRecords(of: person).filter { $0.steps.first?.by == "clerk1" }
        }
        let appByID = Dictionary(uniqueKeysWithValues: applications.map { ($0.id, $0) })
        let cardByNumber = Dictionary(uniqueKeysWithValues: cards.map { ($0.cardNumber, $0) })

        #expect(await acknowledged.submitted.subtracting(appByID.keys).isEmpty, "round \(round): lost applications")
        #expect(
            await acknowledged.approved.allSatisfy { appByID[$0]?.status == .approved },
            "round \(round): lost approvals")
        #expect(await acknowledged.requested.subtracting(cardByNumber.keys).isEmpty, "round \(round): lost cards")
        #expect(
            await acknowledged.inProduction.allSatisfy { cardByNumber[$0]?.status == .inProduction },
            "round \(round): lost card moves")

        // Outbox commands and ledger actions per record, in order of writing.
        var outbox: [String: [String]] = [:]
        for entry in try await store.pendingOutbox(limit: 1_000_000) {
            let payload = try JSONSerialization.jsonObject(with: entry.payload) as? [String: Any]
            let key = (payload?["id"] ?? payload?["cardNumber"]) as? String ?? "?"
            outbox[key, default: []].append(entry.command)
        }
        var ledger: [String: [String]] = [:]
        for entry in try await store.ledger(from: 1, limit: 1_000_000) {
            for prefix in ["application:", "card:"] where entry.subject.hasPrefix(prefix) {
                ledger[String(entry.subject.dropFirst(prefix.count)), default: []].append(entry.action)
            }
        }
        for application in applications {
            // The only move these clients make is the approval.
            let expected = ["application.submit"] + (application.status == .approved ? ["application.move"] : [])
            #expect(outbox[application.id] == expected, "round \(round): outbox of \(application.id)")
            #expect(ledger[application.id] == expected, "round \(round): ledger of \(application.id)")
        }
        for card in cards {
            let expected = ["card.request"] + Array(repeating: "card.move", count: card.steps.count - 1)
            #expect(outbox[card.cardNumber] == expected, "round \(round): outbox of card \(card.cardNumber)")
            #expect(ledger[card.cardNumber] == expected, "round \(round): ledger of card \(card.cardNumber)")
        }
        let records = Set(appByID.keys).union(cardByNumber.keys)
        #expect(Set(outbox.keys).subtracting(records).isEmpty, "round \(round): outbox entries without a record")
        #expect(Set(ledger.keys).subtracting(records).isEmpty, "round \(round): ledger entries without a record")

        let verify = try await CommandRun.ledgerVerify(database: path)
        #expect(verify.status == 0, "round \(round): ledger verify: \(verify.output)")
        #expect(verify.output.hasPrefix("ledger intact"), "round \(round): \(verify.output)")
    }
}

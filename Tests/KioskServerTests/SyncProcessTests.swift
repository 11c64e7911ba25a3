import Foundation
import TestSupport
import Testing

/// The sync as a whole, between real processes: `sskiosk centre serve` over mutual TLS with a CA
/// the test makes, and `sskiosk serve` terminals writing through their HTTP API. Each test runs
/// against the centre's SQLite and PostgreSQL stores. No rig needed.
@Suite("Sync between real terminal and centre processes", .serialized)
struct SyncProcessTests {
    static let stores: [CentreProcess.Store] = CentreProcess.Store.allCases

    /// A centre with a generated township of `people` and registered terminals, serving in
    /// `namespace` (behind a ``RuralLine``) or on this host; removed when `body` ends.
    static func withCentre(
        _ store: CentreProcess.Store, terminals: [String], people: Int = 60, namespace: String? = nil,
        _ body: (inout CentreProcess) async throws -> Void
    ) async throws {
        if store == .postgres, !CentreProcess.postgresAvailable {
            #expect(
                !CentreProcess.Store.isCI,
                "no PostgreSQL at \(CentreProcess.Store.socket): run hardware/postgres/postgres-up")
            return
        }
        var centre = try await CentreProcess.make(store: store, terminals: terminals, people: people)
        centre.namespace = namespace
        try await withCleanup {
            for terminal in terminals { try await centre.register(terminal) }
            try await centre.start()
            try await withCleanup {
                try await body(&centre)
            } cleanup: {
                try await centre.stop()
            }
        } cleanup: {
            await centre.remove()
        }
    }

    /// A terminal of `centre` on its own database in the centre's directory. On its first start its
    /// administrator adds the clerk with `sskiosk staff add`, and the clerk's first sign-in sets
    /// ``clerkPassword``, as on a terminal installed for real.
    static func startTerminal(
        _ id: String, _ centre: CentreProcess, certificate: String? = nil, arguments: [String]? = nil
    ) async throws -> ServiceProcess {
        let database = centre.file("\(id).sqlite")
        let installed = FileManager.default.fileExists(atPath: database)
        let terminal = try await ServiceProcess.start(
            database: database, arguments: arguments ?? centre.terminalArguments(id, certificate: certificate))
        if !installed {
            _ = try await centre.sskiosk(
                [
                    "staff", "add", "clerk1", "--database", database, "--ledger-key",
                    ServiceProcess.ledgerKeyPath(for: database), "--name", "经办员甲", "--role", "clerk",
                ],
                input: "first password\n")
            let (status, _) = try await APIClient(port: terminal.port).send(
                "POST", "/api/staff/password",
                json: ["id": "clerk1", "password": "first password", "newPassword": clerkPassword])
            guard status == 200 else { throw CentreProcess.Failure("clerk1's first sign-in answered \(status)") }
        }
        return terminal
    }

    static let clerkPassword = "clerk1's own password"

    /// Runs `body` with a terminal of `centre` started as ``startTerminal(_:_:certificate:)`` starts
    /// it, and SIGKILLs the terminal afterwards.
    static func withTerminal(
        _ id: String, _ centre: CentreProcess, certificate: String? = nil, _ body: (ServiceProcess) async throws -> Void
    ) async throws {
        let terminal = try await startTerminal(id, centre, certificate: certificate)
        try await withCleanup {
            try await body(terminal)
        } cleanup: {
            try await terminal.kill()
        }
    }

    /// Runs `body` with a terminal of `centre` whose first load has ended, and its clerk signed in.
    static func withLoadedTerminal(
        _ id: String, _ centre: CentreProcess, _ body: (ServiceProcess, APIClient) async throws -> Void
    ) async throws {
        try await withTerminal(id, centre) { terminal in
            let clerk = try await clerk(terminal)
            _ = try await waitFor("the first load", clerk) { ($0["cacheLoaded"] as? Bool) == true }
            try await body(terminal, clerk)
        }
    }

    static func clerk(_ terminal: ServiceProcess) async throws -> APIClient {
        try await APIClient(port: terminal.port).login("clerk1", password: clerkPassword)
    }

    /// GET /api/sync as a clerk.
    static func status(_ clerk: APIClient) async throws -> [String: Any] {
        let (code, data) = try await clerk.send("GET", "/api/sync")
        guard code == 200, let body = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CentreProcess.Failure("GET /api/sync answered \(code)")
        }
        return body
    }

    static func pending(_ status: [String: Any]) -> Int {
        (status["outbox"] as? [String: Any])?["pending"] as? Int ?? -1
    }
    static func needsReview(_ status: [String: Any]) -> Int {
        (status["outbox"] as? [String: Any])?["needsReview"] as? Int ?? -1
    }

    /// Waits until `condition` holds on the terminal's sync status.
    static func waitFor(
        _ what: String, _ clerk: APIClient, seconds: Int = 60, _ condition: ([String: Any]) -> Bool
    ) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        var last: [String: Any] = [:]
        while ContinuousClock.now < deadline {
            if let status = try? await status(clerk) {
                last = status
                if condition(status) { return status }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CentreProcess.Failure("waited \(seconds) s for \(what); last status: \(last)")
    }

    /// People of the township as the terminal's cache holds them after its first load.
    static func people(_ centre: CentreProcess, id: String) async throws -> [String] {
        try await CommandRun.standardOutput(of: [
            "/usr/bin/sqlite3", "-batch", "-noheader", centre.file("\(id).sqlite"),
            "SELECT idNumber FROM person ORDER BY idNumber",
        ]).split(separator: "\n").map(String.init)
    }

    /// Submits an application; returns its id when the terminal acknowledged it (2xx).
    static func submit(_ clerk: APIClient, kind: String, idNumber: String) async -> String? {
        guard
            let (code, data) = try? await clerk.send(
                "POST", "/api/applications", json: ["kind": kind, "idNumber": idNumber]),
            code == 201, let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return body["id"] as? String
    }

    /// Application ids the centre holds from `terminal`, a repeated id as often as it appears.
    static func centreApplications(_ centre: CentreProcess, terminal: String) async throws -> [String] {
        try await centre.query("SELECT id FROM application WHERE terminalID = '\(terminal)' ORDER BY id")
    }

    static let kinds = ["training-sign-up", "employment-registration", "flexible-employment-registration"]

    @Test("the link cut for a while: writes queue and show as pending, and all arrive exactly once", arguments: stores)
    func linkCut(store: CentreProcess.Store) async throws {
        try await Self.withCentre(store, terminals: ["T-1"]) { centre in
            try await Self.withLoadedTerminal("T-1", centre) { terminal, clerk in
                let people = try await Self.people(centre, id: "T-1")
                #expect(people.count == 60)
                #expect(centre.logText.contains("encoding=gzip"), "the terminal asked for the snapshot in gzip")

                try await centre.stop()
                var written: [String] = []
                for (index, person) in people.prefix(30).enumerated() {
                    written.append(
                        try #require(await Self.submit(clerk, kind: Self.kinds[index % 3], idNumber: person)))
                }
                let offline = try await Self.waitFor("a failed push", clerk) {
                    Self.pending($0) == 30 && (($0["link"] as? [String: Any])?["pushFailures"] as? Int ?? 0) > 0
                }
                #expect((offline["outbox"] as? [String: Any])?["oldestPendingAt"] is String)
                #expect(try await Self.centreApplications(centre, terminal: "T-1").isEmpty)
                try await Task.sleep(for: .seconds(3))

                try await centre.start()
                _ = try await Self.waitFor("the drain", clerk) { Self.pending($0) == 0 }
                #expect(try await Self.centreApplications(centre, terminal: "T-1") == written.sorted())
                let keys = try await centre.query(
                    "SELECT count(*), count(DISTINCT idempotencyKey) FROM appliedCommand WHERE terminalID = 'T-1'")
                #expect(keys == ["30|30"])
            }
        }
    }

    @Test("SIGKILL of either side at random moments: no acknowledged write lost, none applied twice", arguments: stores)
    func killedAtRandom(store: CentreProcess.Store) async throws {
        try await Self.withCentre(store, terminals: ["T-1"]) { centre in
            var terminal = try await Self.startTerminal("T-1", centre)
            try await withCleanup {
                var clerk = try await Self.clerk(terminal)
                _ = try await Self.waitFor("the first load", clerk) { ($0["cacheLoaded"] as? Bool) == true }
                let people = try await Self.people(centre, id: "T-1")
                var acknowledged: Set<String> = []
                var next = 0
                for round in 1...6 {
                    let until = ContinuousClock.now + .milliseconds(Int.random(in: 300...2_000))
                    while ContinuousClock.now < until {
                        // Each person once per kind: a second open application would be refused, not lost.
                        guard next < people.count * Self.kinds.count else { break }
                        let person = people[next % people.count]
                        let kind = Self.kinds[next / people.count]
                        next += 1
                        if let id = await Self.submit(clerk, kind: kind, idNumber: person) { acknowledged.insert(id) }
                    }
                    if round % 2 == 0 {
                        try await terminal.kill()
                        terminal = try await ServiceProcess.start(
                            database: centre.file("T-1.sqlite"), arguments: centre.terminalArguments("T-1"))
                        clerk = try await Self.clerk(terminal)
                    } else {
                        try await centre.stop(kill: true)
                        try await centre.start()
                    }
                }
                _ = try await Self.waitFor("the drain", clerk, seconds: 90) { Self.pending($0) == 0 }
                let atCentre = try await Self.centreApplications(centre, terminal: "T-1")
                #expect(Set(atCentre).count == atCentre.count, "an application applied twice")
                #expect(
                    acknowledged.subtracting(atCentre).isEmpty,
                    "acknowledged writes lost: \(acknowledged.subtracting(atCentre))")
                let local = try await CommandRun.standardOutput(of: [
                    "/usr/bin/sqlite3", "-batch", "-noheader", centre.file("T-1.sqlite"), "SELECT id FROM application",
                ]).split(separator: "\n").map(String.init)
                #expect(Set(atCentre) == Set(local), "the centre holds what the terminal committed, no more, no less")
                #expect(
                    try await centre.query("SELECT count(*) FROM appliedCommand WHERE outcome = 'refused'") == ["0"])
            } cleanup: {
                try await terminal.kill()
            }
        }
    }

    @Test(
        "two terminals apply for the same person: the first writer wins, the other is refused for review",
        arguments: stores)
    func twoTerminals(store: CentreProcess.Store) async throws {
        try await Self.withCentre(store, terminals: ["T-1", "T-2"]) { centre in
            try await Self.withTerminal("T-1", centre) { first in
                try await Self.withTerminal("T-2", centre) { second in
                    let clerk1 = try await Self.clerk(first)
                    let clerk2 = try await Self.clerk(second)
                    _ = try await Self.waitFor("T-1's first load", clerk1) { ($0["cacheLoaded"] as? Bool) == true }
                    _ = try await Self.waitFor("T-2's first load", clerk2) { ($0["cacheLoaded"] as? Bool) == true }
                    let person = try #require(try await Self.people(centre, id: "T-1").first)

                    let winner = try #require(await Self.submit(clerk1, kind: "training-sign-up", idNumber: person))
                    _ = try await Self.waitFor("T-1's drain", clerk1) { Self.pending($0) == 0 }
                    let loser = try #require(await Self.submit(clerk2, kind: "training-sign-up", idNumber: person))
                    let status = try await Self.waitFor("T-2's refusal", clerk2) { Self.needsReview($0) == 1 }
                    #expect(Self.pending(status) == 0)
                    #expect(Self.needsReview(try await Self.status(clerk1)) == 0)
                    let held = try await centre.query(
                        "SELECT id FROM application WHERE idNumber = '\(person)' AND kind = 'training-sign-up'")
                    #expect(held == [winner])
                    #expect(!held.contains(loser))
                    let review = try await centre.sskiosk(["sync", "status", "--database", centre.file("T-2.sqlite")])
                    #expect(review.contains("refused, waiting for review: 1"))
                    #expect(review.contains("application.submit"))
                }
            }
        }
    }

    /// The card's status as the terminal's cache holds it.
    static func cardStatus(_ clerk: APIClient, _ cardNumber: String) async -> String? {
        guard let (code, data) = try? await clerk.send("GET", "/api/cards/\(cardNumber)"), code == 200,
            let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return body["status"] as? String
    }

    static func waitForCard(_ clerk: APIClient, _ cardNumber: String, _ status: String) async throws {
        try await eventually("card \(cardNumber) \(status) at the terminal") {
            await cardStatus(clerk, cardNumber) == status
        }
    }

    /// Waits until `condition` holds, looking every 200 ms; fails naming `what` after `seconds`.
    static func eventually(_ what: String, seconds: Int = 60, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw CentreProcess.Failure("waited \(seconds) s for \(what)")
    }

    @Test(
        "a card applied for at the desk goes to production at the centre and comes back ready at that desk",
        arguments: stores)
    func cardProduction(store: CentreProcess.Store) async throws {
        try await Self.withCentre(store, terminals: ["T-1"]) { centre in
            try await Self.withLoadedTerminal("T-1", centre) { terminal, clerk in
                let person = try #require(try await Self.people(centre, id: "T-1").first)
                let (code, data) = try await clerk.send(
                    "POST", "/api/cards", json: ["cardNumber": "P12345678", "idNumber": person])
                #expect(code == 201, "\(String(decoding: data, as: UTF8.self))")
                _ = try await Self.waitFor("the drain", clerk) { Self.pending($0) == 0 }

                let batch = try await centre.sskiosk(
                    ["centre", "batch", "start"] + centre.storeArguments + ["--region", CentreProcess.township]
                ).trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(batch.hasPrefix("B\(CentreProcess.township)-"))
                try await Self.waitForCard(clerk, "P12345678", "in-production")
                #expect(try await centre.query("SELECT batchID FROM card WHERE cardNumber = 'P12345678'") == [batch])

                _ = try await centre.sskiosk(["centre", "batch", "deliver"] + centre.storeArguments + [batch])
                try await Self.waitForCard(clerk, "P12345678", "ready-at-desk")
                let (_, queue) = try await clerk.send("GET", "/api/cards?status=ready-at-desk")
                #expect(String(decoding: queue, as: UTF8.self).contains("P12345678"))
                #expect(try await centre.query("SELECT status FROM cardBatch WHERE id = '\(batch)'") == ["delivered"])
            }
        }
    }

    @Test(
        "a person removed and one moved away at the centre leave the terminal's cache, each with a ledger entry",
        arguments: stores)
    func removedAtTheCentre(store: CentreProcess.Store) async throws {
        try await Self.withCentre(store, terminals: ["T-1"]) { centre in
            try await Self.withLoadedTerminal("T-1", centre) { terminal, clerk in
                let people = try await Self.people(centre, id: "T-1")
                let (gone, mover) = (people[0], people[1])
                _ = try await centre.sskiosk(["centre", "remove"] + centre.storeArguments + ["person", gone])
                let elsewhere = String(CentreProcess.township.prefix(6)) + "999001"
                _ = try await centre.sskiosk(
                    ["centre", "move-person"] + centre.storeArguments + [mover, "--to", elsewhere])
                #expect(
                    try await centre.query("SELECT regionCode FROM person WHERE idNumber = '\(mover)'") == [elsewhere])

                try await Self.eventually("both gone from the cache") {
                    let cached = try await Self.people(centre, id: "T-1")
                    return !cached.contains(gone) && !cached.contains(mover)
                }
                #expect(try await Self.people(centre, id: "T-1") == Array(people.dropFirst(2)))
                let (code, _) = try await clerk.send("GET", "/api/people/\(gone)")
                #expect(code == 404)
                let ledger = try await CommandRun.standardOutput(of: [
                    "/usr/bin/sqlite3", "-batch", "-noheader", centre.file("T-1.sqlite"),
                    "SELECT action || ' ' || actor || ' ' || subject || ' ' || detail FROM ledger WHERE action LIKE 'reference.%' ORDER BY sequence",
                ]).split(separator: "\n").map(String.init)
                #expect(ledger.count == 2)
                #expect(ledger.first?.hasPrefix("reference.removed centre person:") == true)
                #expect(ledger.last?.hasPrefix("reference.moved-out centre person:") == true)
                #expect(ledger.allSatisfy { !$0.contains(gone) && !$0.contains(mover) })
            }
        }
    }

    @Test(
        "a clerk added in the console signs in at the terminal, also while the centre is down, and no more once disabled",
        arguments: stores)
    func staffFromTheConsole(store: CentreProcess.Store) async throws {
        try await Self.withCentre(store, terminals: ["T-1", "T-2"]) { centre in
            _ = try await centre.sskiosk(
                ["centre", "staff", "add", "admin-1"] + centre.storeArguments + [
                    "--name", "县管理员", "--role", "county-administrator", "--jurisdiction", CentreProcess.county,
                ],
                input: "first-pass-1\n")
            func consoleToken() async throws -> String {
                var session = try await ConsoleProcessTests.call(
                    centre, "POST", "/console/api/session", #"{"id":"admin-1","password":"county-secret-1"}"#)
                if session.status != 200 {
                    session = try await ConsoleProcessTests.call(
                        centre, "POST", "/console/api/password",
                        #"{"id":"admin-1","password":"first-pass-1","newPassword":"county-secret-1"}"#)
                }
                let body = try JSONSerialization.jsonObject(with: Data(session.body.utf8)) as? [String: Any]
                return try #require(body?["token"] as? String, "\(session)")
            }
            let created = try await ConsoleProcessTests.call(
                centre, "POST", "/console/api/staff",
                #"{"id":"clerk-9","name":"经办员乙","role":"clerk","jurisdiction":"\#(CentreProcess.township)"}"#,
                token: try await consoleToken())
            #expect(created.status == 201, "\(created)")
            let issued = try JSONSerialization.jsonObject(with: Data(created.body.utf8)) as? [String: Any]
            let first = try #require(issued?["firstPassword"] as? String)
            // The clerk's account is for the terminals, not the console.
            let atConsole = try await ConsoleProcessTests.call(
                centre, "POST", "/console/api/session", #"{"id":"clerk-9","password":"\#(first)"}"#)
            #expect(atConsole.status == 403 && atConsole.body.contains("terminal-only-account"), "\(atConsole)")

            try await Self.withTerminal("T-1", centre) { terminal in
                let api = APIClient(port: terminal.port)
                let change = ["id": "clerk-9", "password": first, "newPassword": "clerk nine's own"]
                try await Self.eventually("the clerk's first sign-in at the terminal") {
                    try await api.send("POST", "/api/staff/password", json: change).0 == 200
                }
                // Their own password goes up to the centre, and down to the township's other terminal.
                _ = try await Self.waitFor("the drain", try await api.login("clerk-9", password: "clerk nine's own")) {
                    Self.pending($0) == 0
                }
                #expect(
                    try await centre.query("SELECT mustChangePassword FROM centreStaff WHERE id = 'clerk-9'") == ["0"])
                try await Self.withTerminal("T-2", centre) { other in
                    try await Self.eventually("the clerk's own password at the township's other terminal") {
                        (try? await APIClient(port: other.port).login("clerk-9", password: "clerk nine's own")) != nil
                    }
                }

                try await centre.stop()
                _ = try await api.login("clerk-9", password: "clerk nine's own")

                try await centre.start()
                let disabled = try await ConsoleProcessTests.call(
                    centre, "POST", "/console/api/staff/clerk-9/disable", "{}", token: try await consoleToken())
                #expect(disabled.status == 200, "\(disabled)")
                try await Self.eventually("the disabled clerk refused at the terminal") {
                    try await api.send(
                        "POST", "/api/staff/login", json: ["id": "clerk-9", "password": "clerk nine's own"]
                    ).0 != 200
                }
            }
        }
    }

    @Test(
        "a year of holidays published at the centre reaches the terminal; a file with a wrong day publishes nothing",
        arguments: stores)
    func calendarPublished(store: CentreProcess.Store) async throws {
        try await Self.withCentre(store, terminals: ["T-1"]) { centre in
            let wrong = centre.file("wrong.json")
            try #"[{"year": 2027, "holidays": ["2027-02-30"], "workdays": [], "source": "typo"}]"#.write(
                toFile: wrong, atomically: true, encoding: .utf8)
            let refused = try await CommandRun.run(
                [BuildFolder.executable("sskiosk"), "centre", "calendar", "publish"] + centre.storeArguments + [wrong])
            #expect(refused.status != 0 && refused.output.contains("2027-02-30"), "\(refused.output)")
            #expect(try await centre.query("SELECT count(*) FROM calendarYear") == ["0"])

            try await Self.withLoadedTerminal("T-1", centre) { terminal, clerk in
                let file = centre.file("2027.json")
                try
                    #"{"year": 2027, "holidays": ["2027-01-01", "2027-01-02", "2027-01-03"], "workdays": ["2027-01-09"], "source": "test 2027"}"#
                    .write(toFile: file, atomically: true, encoding: .utf8)
                _ = try await centre.sskiosk(["centre", "calendar", "publish"] + centre.storeArguments + [file])
                let shown = try await centre.sskiosk(["centre", "calendar", "show"] + centre.storeArguments)
                #expect(shown.contains("2027\t3 days off\t1 weekend days worked\ttest 2027"), "\(shown)")

                let query = [
                    "/usr/bin/sqlite3", "-batch", "-noheader", centre.file("T-1.sqlite"),
                    "SELECT year || ' ' || workdays FROM calendarYear",
                ]
                try await Self.eventually("the year in the terminal's calendar") {
                    try await !CommandRun.standardOutput(of: query).isEmpty
                }
                #expect(
                    try await CommandRun.standardOutput(of: query).trimmingCharacters(in: .whitespacesAndNewlines)
                        == #"2027 ["2027-01-09"]"#)
            }
        }
    }

    @Test(
        "a route published at the centre: a case reported up at one terminal comes down to the other at the county's step, where the township may not act",
        arguments: stores)
    func routedAcrossTerminals(store: CentreProcess.Store) async throws {
        try await Self.withCentre(store, terminals: ["T-1", "T-2"]) { centre in
            let wrong = centre.file("wrong-route.json")
            try
                #"{"kind": "training-sign-up", "steps": [{"level": "county", "days": 2}, {"level": "township", "days": 1}]}"#
                .write(toFile: wrong, atomically: true, encoding: .utf8)
            let refused = try await CommandRun.run(
                [BuildFolder.executable("sskiosk"), "centre", "routes", "publish"] + centre.storeArguments + [wrong])
            #expect(refused.status != 0 && refused.output.contains("is not above step 1"), "\(refused.output)")
            let file = centre.file("route.json")
            try
                #"[{"kind": "training-sign-up", "steps": [{"level": "township", "days": 2}, {"level": "county", "days": 5}]}]"#
                .write(toFile: file, atomically: true, encoding: .utf8)
            _ = try await centre.sskiosk(["centre", "routes", "publish"] + centre.storeArguments + [file])
            let shown = try await centre.sskiosk(["centre", "routes", "show"] + centre.storeArguments)
            #expect(shown.contains("training-sign-up: township 2d → county 5d\tpublished"), "\(shown)")

            try await Self.withLoadedTerminal("T-1", centre) { _, first in
                let person = try #require(try await Self.people(centre, id: "T-1").first)
                try await Self.eventually("the route at T-1") {
                    try await CommandRun.standardOutput(of: [
                        "/usr/bin/sqlite3", "-batch", "-noheader", centre.file("T-1.sqlite"),
                        "SELECT count(*) FROM serviceRoute",
                    ]).hasPrefix("1")
                }
                let id = try #require(await Self.submit(first, kind: "training-sign-up", idNumber: person))
                #expect(
                    try await first.send("POST", "/api/applications/\(id)/owner", json: [String: String]()).0 == 200)
                let (code, data) = try await first.send(
                    "POST", "/api/applications/\(id)/report-up", json: [String: String]())
                #expect(code == 200, "\(String(decoding: data, as: UTF8.self))")
                _ = try await Self.waitFor("the case sent up", first) { Self.pending($0) == 0 }
                #expect(try await centre.query("SELECT step FROM application WHERE id = '\(id)'") == ["1"])

                try await Self.withLoadedTerminal("T-2", centre) { _, second in
                    try await Self.eventually("the case at T-2") {
                        let (code, _) = try await second.send("GET", "/api/applications/\(id)")
                        return code == 200
                    }
                    let (code, data) = try await second.send(
                        "GET", "/api/applications?level=county&kind=training-sign-up")
                    let listed = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
                    #expect(code == 200 && listed.map { $0["id"] as? String } == [id])
                    let (refusedCode, refusal) = try await second.send(
                        "POST", "/api/applications/\(id)/owner", json: [String: String]())
                    #expect(refusedCode == 403 && String(decoding: refusal, as: UTF8.self).contains("wrong-level"))
                }
            }
        }
    }

    @Test(
        "ten minutes between drains and between pulls: a desk's write still leaves at once, and the centre's batch arrives while the terminal listens",
        arguments: stores)
    func promptBothWays(store: CentreProcess.Store) async throws {
        try await Self.withCentre(store, terminals: ["T-1"]) { centre in
            var arguments = centre.terminalArguments("T-1")
            for option in ["--sync-interval", "--pull-interval"] {
                arguments[try #require(arguments.firstIndex(of: option)) + 1] = "600"
            }
            let terminal = try await Self.startTerminal("T-1", centre, arguments: arguments)
            try await withCleanup {
                let clerk = try await Self.clerk(terminal)
                _ = try await Self.waitFor("the first load", clerk) { ($0["cacheLoaded"] as? Bool) == true }
                let person = try #require(try await Self.people(centre, id: "T-1").first)
                let (code, data) = try await clerk.send(
                    "POST", "/api/cards", json: ["cardNumber": "P12345678", "idNumber": person])
                #expect(code == 201, "\(String(decoding: data, as: UTF8.self))")
                // Only the nudge can drain it before the drain interval is up.
                _ = try await Self.waitFor("the nudged drain", clerk) { Self.pending($0) == 0 }
                #expect(
                    try await centre.query("SELECT cardNumber FROM card WHERE cardNumber = 'P12345678'") == [
                        "P12345678"
                    ])

                _ = try await centre.sskiosk(
                    ["centre", "batch", "start"] + centre.storeArguments + ["--region", CentreProcess.township])
                // Only the long-poll can bring it before the pull interval is up.
                try await Self.waitForCard(clerk, "P12345678", "in-production")
            } cleanup: {
                try await terminal.kill()
            }
        }
    }

    @Test(
        "a terminal with a certificate from another CA is refused; its writes wait for the right one", arguments: stores
    )
    func wrongCertificate(store: CentreProcess.Store) async throws {
        try await Self.withCentre(store, terminals: ["T-1"]) { centre in
            var terminal = try await Self.startTerminal("T-1", centre)
            try await withCleanup {
                _ = try await Self.waitFor("the first load", try await Self.clerk(terminal)) {
                    ($0["cacheLoaded"] as? Bool) == true
                }
                try await terminal.kill()
                let people = try await Self.people(centre, id: "T-1")

                terminal = try await Self.startTerminal("T-1", centre, certificate: "rogue")
                var clerk = try await Self.clerk(terminal)
                var written: [String] = []
                for person in people.prefix(3) {
                    written.append(try #require(await Self.submit(clerk, kind: "training-sign-up", idNumber: person)))
                }
                let refused = try await Self.waitFor("refused pushes", clerk) {
                    (($0["link"] as? [String: Any])?["pushFailures"] as? Int ?? 0) > 1
                }
                #expect(Self.pending(refused) == 3)
                #expect(((refused["link"] as? [String: Any])?["lastError"] as? String)?.isEmpty == false)
                #expect(try await centre.query("SELECT count(*) FROM appliedCommand") == ["0"])
                try await terminal.kill()

                terminal = try await Self.startTerminal("T-1", centre)
                clerk = try await Self.clerk(terminal)
                _ = try await Self.waitFor("the drain", clerk) { Self.pending($0) == 0 }
                #expect(try await Self.centreApplications(centre, terminal: "T-1") == written.sorted())
            } cleanup: {
                try await terminal.kill()
            }
        }
    }
}

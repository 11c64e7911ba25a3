import AsyncHTTPClient
import Centre
import Foundation
import KioskCore
import NIOCore
import NIOHTTP1
import Testing
import Vocabulary
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The console's API over the centre's real TLS: sign-in with the forced change of a first
/// password and the lockout, each role's view kept to its own jurisdiction, and a county
/// administrator's enrolment codes, rotation and revocation.
@Suite(.serialized) struct ConsoleAPITests {
    static let county = "430121"

    @Test("a first password gets no session until the member chooses their own; a weak one is refused")
    func firstSignInForcesAPasswordChange() async throws {
        try await CentreServerTests().withCentre { centre in
            try await Self.addStaff("admin-1", .countyAdministrator, Self.county, to: centre.store)
            let console = Console(centre)
            let unknown = try await console.call(
                .POST, "console/api/session", ["id": "nobody", "password": "whatever1"])
            #expect(unknown.status == 401)
            #expect(unknown.code == "wrong-credentials")
            let first = try await console.call(
                .POST, "console/api/session", ["id": "admin-1", "password": "first-pass-1"])
            #expect(first.status == 403)
            #expect(first.code == "password-change-required")
            let weak = try await console.call(
                .POST, "console/api/password",
                ["id": "admin-1", "password": "first-pass-1", "newPassword": "admin-1"])
            #expect(weak.status == 422)
            #expect(weak.code == "weak-password")
            let changed = try await console.call(
                .POST, "console/api/password",
                ["id": "admin-1", "password": "first-pass-1", "newPassword": "my-own-secret"])
            #expect(changed.status == 200)
            #expect((changed.object["staff"] as? [String: Any])?["role"] as? String == "county-administrator")
            let token = try #require(changed.object["token"] as? String)
            #expect(try await console.call(.GET, "console/api/terminals", token: token).status == 200)
            #expect(try await console.call(.DELETE, "console/api/session", token: token).status == 204)
            let after = try await console.call(.GET, "console/api/terminals", token: token)
            #expect(after.status == 401)
            #expect(after.code == "console-sign-in-required")
            let again = try await console.call(
                .POST, "console/api/session", ["id": "admin-1", "password": "my-own-secret"])
            #expect(again.status == 200)
            try await console.client.shutdown()
        }
    }

    @Test("five wrong passwords lock the account, and the lock is kept in the store")
    func wrongPasswordsLock() async throws {
        try await CentreServerTests().withCentre { centre in
            try await Self.addStaff("tech-1", .technician, Self.county, to: centre.store, mustChange: false)
            let console = Console(centre)
            for _ in 1...5 {
                let wrong = try await console.call(
                    .POST, "console/api/session", ["id": "tech-1", "password": "not-it-at-all"])
                #expect(wrong.code == "wrong-credentials")
            }
            let locked = try await console.call(
                .POST, "console/api/session", ["id": "tech-1", "password": "first-pass-1"])
            #expect(locked.status == 423)
            #expect(locked.code == "account-locked")
            let stored = try #require(try await centre.store.staffAccount(id: "tech-1"))
            #expect(stored.failures.lockedUntil != nil)
            try await console.client.shutdown()
        }
    }

    @Test("a township's supervisor sees only its own terminals, and no role but the administrator manages them")
    func eachRoleSeesItsOwnJurisdiction() async throws {
        try await CentreServerTests().withCentre { centre in
            let (neighbour, _) = try Fixtures.terminal("T-102", jurisdiction: Fixtures.neighbour)
            try await centre.store.register(neighbour)
            try await Self.addStaff("sup-101", .countySupervisor, Fixtures.home, to: centre.store, mustChange: false)
            try await Self.addStaff("aud-1", .countyAuditor, Self.county, to: centre.store, mustChange: false)
            let console = Console(centre)
            let supervisor = try await console.signIn("sup-101")
            let township = try await console.call(.GET, "console/api/terminals", token: supervisor)
            #expect(township.list.compactMap { $0["id"] as? String } == ["T-101"])
            let auditor = try await console.signIn("aud-1")
            let county = try await console.call(.GET, "console/api/terminals", token: auditor)
            #expect(county.list.compactMap { $0["id"] as? String } == ["T-101", "T-102"])
            for token in [supervisor, auditor] {
                let refused = try await console.call(
                    .POST, "console/api/terminals/T-101/revoke", token: token)
                #expect(refused.status == 403)
                #expect(refused.code == "console-forbidden")
            }
            #expect(try await centre.store.terminal(id: "T-101")?.revokedAt == nil)
            try await console.client.shutdown()
        }
    }

    @Test("an administrator issues a code that enrols once, rotates, and revokes a terminal, which then cannot sync")
    func administratorManagesTerminals() async throws {
        try await CentreServerTests().withCentre { centre in
            try await Self.addStaff(
                "admin-101", .countyAdministrator, Fixtures.home, to: centre.store, mustChange: false)
            let console = Console(centre)
            let admin = try await console.signIn("admin-101")
            let outside = try await console.call(
                .POST, "console/api/terminals",
                ["terminalID": "T-102-9", "jurisdiction": Fixtures.neighbour, "name": "", "expiresInHours": 24],
                token: admin)
            #expect(outside.status == 403)
            #expect(outside.code == "outside-staff-jurisdiction")
            let issued = try await console.call(
                .POST, "console/api/terminals",
                ["terminalID": "T-101-9", "jurisdiction": Fixtures.home, "name": "新屋场", "expiresInHours": 24],
                token: admin)
            #expect(issued.status == 201)
            let code = try #require(issued.object["code"] as? String)
            let enrolled = try await centre.store.enrol(
                codeHash: TerminalEnrolmentCode.hash(code), at: Date(),
                credentials: { record in
                    (
                        RegisteredTerminal(
                            id: record.terminalID, jurisdiction: record.jurisdiction, name: record.name,
                            tokenHash: TerminalToken.hash(TerminalToken.make()), registeredAt: Date()),
                        record.name
                    )
                })
            #expect(enrolled == "新屋场")
            let rotated = try await console.call(
                .POST, "console/api/terminals/T-101-9/rotate", ["expiresInHours": 2], token: admin)
            #expect(rotated.status == 201)
            #expect(rotated.object["code"] as? String != code)

            let syncing = centre.client(certificate: "terminal")
            #expect(try await centre.get("sync/v1/ledger/anchor", token: centre.token, client: syncing).status == 200)
            let revoked = try await console.call(.POST, "console/api/terminals/T-101/revoke", token: admin)
            #expect(revoked.status == 200)
            #expect(revoked.object["revokedAt"] != nil)
            let refused = try await centre.get("sync/v1/ledger/anchor", token: centre.token, client: syncing)
            #expect(refused.status == 403)
            #expect(try centre.errorCode(refused) == "terminal-revoked")
            let listed = try await console.call(.GET, "console/api/terminals", token: admin)
            #expect(listed.list.first { $0["id"] as? String == "T-101" }?["revokedAt"] != nil)
            try await syncing.shutdown()
            try await console.client.shutdown()
        }
    }

    @Test("a heartbeat over the sync link shows in the fleet with its alert and in the terminals' list; it needs mTLS")
    func heartbeatShowsInTheFleet() async throws {
        try await CentreServerTests().withCentre { centre in
            try await Self.addStaff("tech-1", .technician, Self.county, to: centre.store, mustChange: false)
            try await Self.addStaff("aud-1", .countyAuditor, Self.county, to: centre.store, mustChange: false)
            let console = Console(centre)
            let technician = try await console.signIn("tech-1")
            let silent = try await console.call(.GET, "console/api/fleet", token: technician)
            #expect(Self.alertKinds(silent, "T-101") == ["no-heartbeat"])

            let pulled = Date(timeIntervalSinceNow: -20)
            var link = SyncLinkState()
            link.lastPullAt = pulled
            let beat = TerminalHeartbeat(
                sentAt: Date(), version: "9.9.9", uptimeSeconds: 5,
                devices: [
                    DeviceStatus(name: "Virtual PCD 00 00", kind: .cardReader, state: .online, cardPresent: true),
                    DeviceStatus(
                        name: "rig-a4", kind: .printer, state: .userError, stateReasons: ["media-empty"],
                        fix: "Load paper (or cards) into the printer's tray"),
                ],
                sync: SyncStatus(
                    outbox: OutboxSummary(pending: 0, oldestPendingAt: nil, needsReview: 0), cacheAsOf: nil,
                    cacheLoaded: true, link: link))
            let anonymous = centre.client(certificate: nil)
            let refused = try await centre.post("sync/v1/heartbeat", beat, client: anonymous)
            #expect(refused.status == 401)
            let terminal = centre.client(certificate: "terminal")
            #expect(try await centre.post("sync/v1/heartbeat", beat, client: terminal).status == 204)

            let fleet = try await console.call(.GET, "console/api/fleet", token: technician)
            #expect(fleet.status == 200)
            #expect(Self.alertKinds(fleet, "T-101") == ["paper-out"])
            let row = try #require(fleet.list.first)
            let alert = try #require((row["alerts"] as? [[String: Any]])?.first)
            #expect(alert["fix"] as? String == "Load paper (or cards) into the printer's tray")
            #expect(alert["device"] as? String == "rig-a4")
            let terminals = try await console.call(.GET, "console/api/terminals", token: technician)
            #expect(terminals.list.first?["version"] as? String == "9.9.9")
            #expect((terminals.list.first?["lastPullAt"] as? Int).map { Int64($0) } == pulled.milliseconds)

            let auditor = try await console.signIn("aud-1")
            #expect(try await console.call(.GET, "console/api/fleet", token: auditor).code == "console-forbidden")
            try await terminal.shutdown()
            try await anonymous.shutdown()
            try await console.client.shutdown()
        }
    }

    @Test("an administrator adds, resets, disables and reassigns staff of their own area only, never themselves")
    func administratorsManageTheirAreasStaff() async throws {
        try await CentreServerTests().withCentre { centre in
            try await Self.addStaff(
                "admin-101", .countyAdministrator, Fixtures.home, to: centre.store, mustChange: false)
            try await Self.addStaff("tech-102", .technician, Fixtures.neighbour, to: centre.store, mustChange: false)
            try await Self.addStaff("sup-101", .countySupervisor, Fixtures.home, to: centre.store, mustChange: false)
            let console = Console(centre)
            let admin = try await console.signIn("admin-101")
            let supervisor = try await console.signIn("sup-101")

            // Only an administrator manages staff; each sees the staff of their own area only.
            #expect(try await console.call(.GET, "console/api/staff", token: supervisor).code == "console-forbidden")
            let listed = try await console.call(.GET, "console/api/staff", token: admin)
            #expect(listed.list.compactMap { $0["id"] as? String } == ["admin-101", "sup-101"])
            #expect(listed.list.allSatisfy { $0["passwordHash"] == nil })

            // A new clerk of the township gets a first password, shown once, to change at sign-in.
            let added = try await console.call(
                .POST, "console/api/staff",
                ["id": "tech-101", "name": "新技术员", "role": "technician", "jurisdiction": Fixtures.home], token: admin)
            #expect(added.status == 201)
            let first = try #require(added.object["firstPassword"] as? String)
            let forced = try await console.call(.POST, "console/api/session", ["id": "tech-101", "password": first])
            #expect(forced.code == "password-change-required")
            let own = try await console.call(
                .POST, "console/api/password", ["id": "tech-101", "password": first, "newPassword": "tech-own-secret"])
            let technician = try #require(own.object["token"] as? String)
            #expect(try await console.call(.GET, "console/api/fleet", token: technician).status == 200)
            let outside = try await console.call(
                .POST, "console/api/staff",
                ["id": "tech-9", "name": "邻乡", "role": "technician", "jurisdiction": Fixtures.neighbour], token: admin)
            #expect(outside.code == "outside-staff-jurisdiction")
            let taken = try await console.call(
                .POST, "console/api/staff",
                ["id": "tech-101", "name": "重名", "role": "technician", "jurisdiction": Fixtures.home], token: admin)
            #expect(taken.code == "staff-exists")

            // Disabled: the session ends at once and sign-in is refused until enabled again.
            #expect(try await console.call(.POST, "console/api/staff/tech-101/disable", token: admin).status == 200)
            #expect(try await console.call(.GET, "console/api/fleet", token: technician).status == 401)
            let refused = try await console.call(
                .POST, "console/api/session", ["id": "tech-101", "password": "tech-own-secret"])
            #expect(refused.code == "staff-disabled")
            #expect(try await console.call(.POST, "console/api/staff/tech-101/enable", token: admin).status == 200)
            #expect(
                try await console.call(.POST, "console/api/session", ["id": "tech-101", "password": "tech-own-secret"])
                    .status == 200)

            // A reset: the old password no longer works, the new one must be changed.
            let reset = try await console.call(.POST, "console/api/staff/tech-101/reset", token: admin)
            let again = try #require(reset.object["firstPassword"] as? String)
            #expect(again != first)
            #expect(
                try await console.call(.POST, "console/api/session", ["id": "tech-101", "password": "tech-own-secret"])
                    .code == "wrong-credentials")
            #expect(
                try await console.call(.POST, "console/api/session", ["id": "tech-101", "password": again]).code
                    == "password-change-required")

            // Reassigned within the area; not beyond it, not someone outside it, and not themselves.
            let moved = try await console.call(
                .PUT, "console/api/staff/sup-101", ["role": "county-auditor", "jurisdiction": Fixtures.home],
                token: admin)
            #expect(moved.object["role"] as? String == "county-auditor")
            #expect(try await console.call(.GET, "console/api/terminals", token: supervisor).status == 401)
            #expect(
                try await console.call(
                    .PUT, "console/api/staff/sup-101", ["role": "technician", "jurisdiction": Self.county],
                    token: admin
                ).code == "outside-staff-jurisdiction")
            #expect(
                try await console.call(.POST, "console/api/staff/tech-102/disable", token: admin).code
                    == "unknown-staff")
            #expect(
                try await console.call(.POST, "console/api/staff/admin-101/disable", token: admin).code
                    == "own-staff-account")
            #expect(try await centre.store.staffAccount(id: "tech-102")?.isDisabled == false)

            // Each change the administrator made is in the centre's ledger, by them, in the account's
            // area; the refused ones are not; the chain verifies.
            let byAdmin = try await centre.store.ledger(from: 1, limit: 100).filter { $0.actor == "admin-101" }
            #expect(byAdmin.map(\.action).contains("staff.add"))
            #expect(byAdmin.contains { $0.action == "staff.reset" && $0.subject == "staff:tech-101" })
            #expect(
                byAdmin.contains {
                    $0.action == "staff.reassign" && $0.subject == "staff:sup-101"
                        && $0.detail == "role=county-auditor area=\(Fixtures.home)"
                })
            #expect(!byAdmin.contains { $0.subject == "staff:tech-102" || $0.subject == "staff:admin-101" })
            guard case .intact = try await centre.store.verifyLedger() else {
                Issue.record("the centre's ledger does not verify")
                return
            }
            try await console.client.shutdown()
        }
    }

    @Test(
        "staff accounts and heartbeats round-trip through the store; a second heartbeat replaces the first",
        arguments: StoreKind.testable)
    func storeKeepsStaffAndHeartbeats(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await Self.addStaff("admin-1", .countyAdministrator, Self.county, to: store)
            await #expect(throws: CentreError.staffExists) {
                try await Self.addStaff("admin-1", .technician, Fixtures.home, to: store)
            }
            var account = try #require(try await store.staffAccount(id: "admin-1"))
            #expect(account.member.role == .countyAdministrator && account.mustChangePassword)
            #expect(account.password.verify("first-pass-1"))
            _ = account.failures.fail(at: Fixtures.now)
            account.mustChangePassword = false
            try await store.saveStaff(account)
            #expect(try await store.staffAccount(id: "admin-1") == account)
            #expect(try await store.staffAccount(id: "nobody") == nil)

            let (terminal, _) = try Fixtures.terminal()
            try await store.register(terminal)
            let (outside, _) = try Fixtures.terminal("T-9", jurisdiction: "430122101")
            try await store.register(outside)
            for (id, version) in [("T-101", "1"), ("T-101", "2"), ("T-9", "3")] {
                try await store.recordHeartbeat(
                    StoredHeartbeat(
                        terminalID: id, receivedAt: Fixtures.now,
                        heartbeat: TerminalHeartbeat(
                            sentAt: Fixtures.now, version: version, uptimeSeconds: 1, devices: [],
                            sync: SyncStatus(
                                outbox: OutboxSummary(pending: 0, oldestPendingAt: nil, needsReview: 0),
                                cacheAsOf: nil, cacheLoaded: false, link: nil))))
            }
            let kept = try await store.heartbeats(in: try Jurisdiction(Self.county))
            #expect(kept.map(\.terminalID) == ["T-101"])
            #expect(kept.first?.heartbeat.version == "2")
            #expect(try await store.terminals(in: try Jurisdiction(Self.county)).map(\.id) == ["T-101"])
            try await Self.addStaff("tech-9", .technician, "430122101", to: store)
            #expect(try await store.staff(in: try Jurisdiction(Self.county)).map(\.member.id) == ["admin-1"])
        }
    }

    @Test(
        "card production: the area's waiting cards go to the bureau as a batch and come back delivered, each step kept to its roles and area",
        arguments: StoreKind.testable)
    func cardProductionFromTheConsole(_ kind: StoreKind) async throws {
        try await CentreServerTests().withCentre(kind) { centre in
            let (home, neighbour, terminal, other) = try await Self.twoTownships(centre)
            let homeCards = (0..<2).map { Fixtures.newCardNumber($0) }
            let requested = try await centre.store.apply(
                try homeCards.enumerated().map { index, number in
                    try Fixtures.command(
                        .cardRequest,
                        CardRecord(
                            cardNumber: number, idNumber: home[index].idNumber, requestedBy: "clerk1", at: Date()),
                        key: "T-101-c\(index)")
                }, from: terminal, at: Date())
            let neighbourCard = Fixtures.newCardNumber(9)
            let elsewhere = try await centre.store.apply(
                [
                    try Fixtures.command(
                        .cardRequest,
                        CardRecord(
                            cardNumber: neighbourCard, idNumber: neighbour.idNumber, requestedBy: "clerk2", at: Date()),
                        key: "T-102-c0")
                ], from: other, at: Date())
            #expect((requested + elsewhere).allSatisfy { $0.outcome == .applied }, "\(requested + elsewhere)")

            for (id, role, area) in [
                ("admin-1", CentreRole.countyAdministrator, Self.county), ("audit-1", .countyAuditor, Self.county),
                ("tech-1", .technician, Self.county), ("super-102", .countySupervisor, Fixtures.neighbour),
            ] {
                try await Self.addStaff(id, role, area, to: centre.store, mustChange: false)
            }
            let console = Console(centre)
            let admin = try await console.signIn("admin-1")
            let supervisor = try await console.signIn("super-102")
            func waiting(_ token: String) async throws -> [String] {
                let answer = try await console.call(.GET, "console/api/card-production", token: token)
                #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
                return (answer.object["waiting"] as? [[String: Any]] ?? []).compactMap { $0["cardNumber"] as? String }
            }
            #expect(try await waiting(admin) == homeCards + [neighbourCard])
            #expect(try await waiting(supervisor) == [neighbourCard])
            #expect(try await waiting(try await console.signIn("audit-1")) == homeCards + [neighbourCard])
            let technician = try await console.call(
                .GET, "console/api/card-production", token: try await console.signIn("tech-1"))
            #expect(technician.code == "console-forbidden")
            let auditorStarts = try await console.call(
                .POST, "console/api/batches", ["region": Fixtures.home], token: try await console.signIn("audit-1"))
            #expect(auditorStarts.code == "console-forbidden")
            let notTheirs = try await console.call(
                .POST, "console/api/batches", ["region": Fixtures.home], token: supervisor)
            #expect(notTheirs.code == "outside-staff-jurisdiction")

            let started = try await console.call(.POST, "console/api/batches", ["region": Fixtures.home], token: admin)
            #expect(started.status == 201, "\(String(decoding: started.body, as: UTF8.self))")
            #expect(started.object["cardCount"] as? Int == 2)
            let batch = try #require(started.object["id"] as? String)
            let again = try await console.call(.POST, "console/api/batches", ["region": Fixtures.home], token: admin)
            #expect(again.status == 409 && again.code == "no-cards-waiting")
            #expect(try await waiting(admin) == [neighbourCard])
            func batchCards(_ token: String) async throws -> [String: String] {
                let answer = try await console.call(.GET, "console/api/card-production", token: token)
                let batches = answer.object["batches"] as? [[String: Any]] ?? []
                let entry = batches.first { ($0["batch"] as? [String: Any])?["id"] as? String == batch }
                return Dictionary(
                    uniqueKeysWithValues: (entry?["cards"] as? [[String: Any]] ?? []).compactMap { card in
                        (card["cardNumber"] as? String).map { ($0, card["status"] as? String ?? "") }
                    })
            }
            #expect(
                try await batchCards(admin) == Dictionary(uniqueKeysWithValues: homeCards.map { ($0, "in-production") })
            )
            #expect(try await batchCards(supervisor).isEmpty)

            let foreign = try await console.call(.POST, "console/api/batches/\(batch)/deliver", token: supervisor)
            #expect(foreign.status == 404 && foreign.code == "unknown-batch")
            let delivered = try await console.call(.POST, "console/api/batches/\(batch)/deliver", token: admin)
            #expect(delivered.status == 200)
            #expect(delivered.object["status"] as? String == "delivered")
            let twice = try await console.call(.POST, "console/api/batches/\(batch)/deliver", token: admin)
            #expect(twice.status == 409 && twice.code == "batch-delivered")
            #expect(
                try await batchCards(admin) == Dictionary(uniqueKeysWithValues: homeCards.map { ($0, "ready-at-desk") })
            )
            try await console.client.shutdown()
        }
    }

    @Test(
        "figures: a month's applications of the member's area by township, as JSON and CSV; not for technicians",
        arguments: StoreKind.testable)
    func figuresOfTheArea(_ kind: StoreKind) async throws {
        try await CentreServerTests().withCentre(kind) { centre in
            let (home, neighbour, terminal, other) = try await Self.twoTownships(centre)
            let now = Date()
            func application(_ id: String, _ person: Person, _ terminal: String) -> Application {
                Application(
                    id: id, kind: .residentPensionEnrolment, idNumber: person.idNumber, submittedBy: "clerk1",
                    submittedAt: now, terminalID: terminal, regionCode: person.regionCode)
            }
            let results =
                try await centre.store.apply(
                    [
                        try Fixtures.command(.applicationSubmit, application("T-101-1", home[0], "T-101"), key: "f1"),
                        try Fixtures.command(.applicationSubmit, application("T-101-2", home[1], "T-101"), key: "f2"),
                    ], from: terminal, at: now)
                + (try await centre.store.apply(
                    [try Fixtures.command(.applicationSubmit, application("T-102-1", neighbour, "T-102"), key: "f3")],
                    from: other, at: now))
            #expect(results.allSatisfy { $0.outcome == .applied }, "\(results)")
            for (id, role, area) in [
                ("audit-1", CentreRole.countyAuditor, Self.county),
                ("super-102", .countySupervisor, Fixtures.neighbour),
                ("tech-1", .technician, Self.county),
            ] {
                try await Self.addStaff(id, role, area, to: centre.store, mustChange: false)
            }
            let console = Console(centre)
            let auditor = try await console.signIn("audit-1")
            let county = try await console.call(.GET, "console/api/figures", token: auditor)
            #expect(county.status == 200, "\(String(decoding: county.body, as: UTF8.self))")
            let rows = county.object["rows"] as? [[String: Any]] ?? []
            #expect(rows.compactMap { $0["key"] as? String } == [Fixtures.home, Fixtures.neighbour])
            #expect(rows.compactMap { $0["received"] as? Int } == [2, 1])
            #expect((county.object["total"] as? [String: Any])?["open"] as? Int == 3)

            let supervisor = try await console.signIn("super-102")
            let township = try await console.call(.GET, "console/api/figures?group=service", token: supervisor)
            #expect(
                (township.object["rows"] as? [[String: Any]])?.map { $0["key"] as? String }
                    == ["resident-pension-enrolment"])
            #expect((township.object["total"] as? [String: Any])?["received"] as? Int == 1)
            let lastYear = try await console.call(.GET, "console/api/figures?month=2025-01", token: supervisor)
            #expect((lastYear.object["total"] as? [String: Any])?["received"] as? Int == 0)
            #expect(try await console.call(.GET, "console/api/figures?month=2025-13", token: supervisor).status == 400)
            #expect(try await console.call(.GET, "console/api/figures?group=person", token: supervisor).status == 400)

            var request = HTTPClientRequest(
                url: "https://127.0.0.1:\(centre.port)/console/api/figures.csv?group=township")
            request.headers.add(name: "Authorization", value: "Bearer \(auditor)")
            let csv = try await console.client.execute(request, timeout: .seconds(30))
            #expect(csv.status == .ok)
            #expect(csv.headers["Content-Type"].first == "text/csv; charset=utf-8")
            #expect(csv.headers["Content-Disposition"].first?.contains("figures-\(Self.county)-") == true)
            let text = String(buffer: try await csv.body.collect(upTo: 1 << 20))
            #expect(text.hasPrefix("\u{FEFF}分组,"))
            #expect(text.contains("\r\n\(Fixtures.home),2,"))
            #expect(!text.contains(home[0].idNumber))

            // The same table as an Excel workbook: a zip whose sheet holds the headings as text and
            // the counts as numbers.
            request.url = "https://127.0.0.1:\(centre.port)/console/api/figures.xlsx?group=township"
            let xlsx = try await console.client.execute(request, timeout: .seconds(30))
            #expect(xlsx.status == .ok)
            #expect(
                xlsx.headers["Content-Type"].first
                    == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(xlsx.headers["Content-Disposition"].first?.hasSuffix("-township.xlsx\"") == true)
            let archive = try Archive(
                data: Data(buffer: try await xlsx.body.collect(upTo: 1 << 20)), accessMode: .read)
            #expect(
                Set(archive.map(\.path)).isSuperset(of: [
                    "[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                ]))
            let sheet = try #require(archive["xl/worksheets/sheet1.xml"])
            var xml = Data()
            _ = try archive.extract(sheet) { xml.append($0) }
            let sheetText = String(decoding: xml, as: UTF8.self)
            #expect(sheetText.contains(#"<c r="A1" t="inlineStr"><is><t xml:space="preserve">分组</t></is></c>"#))
            #expect(
                sheetText.contains(#"<t xml:space="preserve">\#(Fixtures.home)</t></is></c><c r="B2"><v>2</v></c>"#))
            #expect(XMLParser(data: xml).parse(), "the sheet is not well-formed XML")

            let technician = try await console.call(
                .GET, "console/api/figures", token: try await console.signIn("tech-1"))
            #expect(technician.status == 403 && technician.code == "console-forbidden")
            // Every read and export, and none refused, in the ledger with the member and the area.
            let audited = try await centre.store.ledger(from: 1, limit: 100).filter { $0.action.hasPrefix("figures.") }
            #expect(
                audited.map { "\($0.actor) \($0.action) \($0.subject)" } == [
                    "audit-1 figures.read area:\(Self.county)", "super-102 figures.read area:\(Fixtures.neighbour)",
                    "super-102 figures.read area:\(Fixtures.neighbour)", "audit-1 figures.export area:\(Self.county)",
                    "audit-1 figures.export area:\(Self.county)",
                ])
            #expect(audited.last?.detail.hasPrefix("format=xlsx") == true)
            try await console.client.shutdown()
        }
    }

    @Test(
        "output: the month's card steps and registered documents by township; earlier months' steps not counted",
        arguments: StoreKind.testable)
    func outputOfTheArea(_ kind: StoreKind) async throws {
        try await CentreServerTests().withCentre(kind) { centre in
            let home = centre.home.flatMap(\.people)
            let (terminal, _) = try Fixtures.terminal()
            let now = Date()
            let cards = (0..<2).map { Fixtures.newCardNumber(20 + $0) }
            let results = try await centre.store.apply(
                try cards.enumerated().map { index, number in
                    try Fixtures.command(
                        .cardRequest,
                        CardRecord(cardNumber: number, idNumber: home[index].idNumber, requestedBy: "clerk1", at: now),
                        key: "o\(index)")
                }
                    + [
                        try Fixtures.command(
                            .certificateIssue,
                            SignedCertificate(
                                serial: "T-101-proof-1", kind: "PI", payloadHash: String(repeating: "a", count: 64),
                                keyID: "T-101", regionCode: Fixtures.home, signedAt: now), key: "o9")
                    ], from: terminal, at: now)
            #expect(results.allSatisfy { $0.outcome == .applied }, "\(results)")
            _ = try await centre.store.startBatch(in: try Jurisdiction(Fixtures.home), at: now)
            // The fixtures' own cards took their steps months ago: any in this month count too.
            let month = YearMonth.inChina(containing: now)
            let earlier = centre.home.flatMap(\.cardRecords).flatMap(\.steps).filter {
                YearMonth.inChina(containing: $0.at) == month
            }

            try await Self.addStaff("audit-1", .countyAuditor, Self.county, to: centre.store, mustChange: false)
            let console = Console(centre)
            let answer = try await console.call(
                .GET, "console/api/figures/output", token: try await console.signIn("audit-1"))
            #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
            let total = try #require(answer.object["total"] as? [String: Any])
            #expect(total["cardsApplied"] as? Int == 2 + earlier.filter { $0.status == .applied }.count)
            #expect(total["cardsProduced"] as? Int == 2 + earlier.filter { $0.status == .inProduction }.count)
            #expect((total["documents"] as? [String: Int])?["PI"] == 1)
            let rows = answer.object["rows"] as? [[String: Any]] ?? []
            #expect(rows.first?["key"] as? String == Fixtures.home)
            let before = try await console.call(
                .GET, "console/api/figures/output?month=2020-01", token: try await console.signIn("audit-1"))
            #expect((before.object["total"] as? [String: Any])?["cardsApplied"] as? Int == 0)
            try await console.client.shutdown()
        }
    }

    @Test(
        "coverage: each village's people against those with a pension and medical cover, and the list still to reach",
        arguments: StoreKind.testable)
    func coverageOfTheArea(_ kind: StoreKind) async throws {
        try await CentreServerTests().withCentre(kind) { centre in
            let pages = centre.home + Fixtures.pages(Fixtures.township(Fixtures.neighbour, seed: 8))
            let people = pages.flatMap(\.people)
            let active = pages.flatMap(\.enrolments).filter { $0.status == .active }
            func covered(_ scheme: CoverageScheme) -> Set<String> {
                Set(active.filter { scheme.insurances.contains($0.insurance) }.map(\.idNumber))
            }
            try await Self.addStaff("audit-1", .countyAuditor, Self.county, to: centre.store, mustChange: false)
            try await Self.addStaff("tech-1", .technician, Self.county, to: centre.store, mustChange: false)
            let console = Console(centre)
            let auditor = try await console.signIn("audit-1")
            let answer = try await console.call(.GET, "console/api/coverage", token: auditor)
            #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
            let villages = answer.object["villages"] as? [[String: Any]] ?? []
            let expectedVillages = Set(people.map(\.regionCode)).sorted()
            #expect(villages.compactMap { $0["regionCode"] as? String } == expectedVillages)
            for village in villages {
                let code = try #require(village["regionCode"] as? String)
                let here = Set(people.filter { $0.regionCode == code }.map(\.idNumber))
                #expect(village["population"] as? Int == here.count)
                let cover = village["covered"] as? [String: Int] ?? [:]
                #expect(cover["pension"] ?? 0 == here.intersection(covered(.pension)).count, "\(code)")
                #expect(cover["medical"] ?? 0 == here.intersection(covered(.medical)).count, "\(code)")
                let enrolled = village["enrolled"] as? [String: Int] ?? [:]
                let resident = Set(active.filter { $0.insurance == .residentPension }.map(\.idNumber))
                #expect(enrolled["170"] ?? 0 == here.intersection(resident).count, "\(code)")
            }
            #expect((answer.object["total"] as? [String: Any])?["population"] as? Int == people.count)

            let uncovered = people.filter { !covered(.medical).contains($0.idNumber) }
                .sorted { ($0.regionCode, $0.idNumber) < ($1.regionCode, $1.idNumber) }
            #expect(!uncovered.isEmpty, "the fixtures hold people without medical cover")
            let list = try await console.call(.GET, "console/api/coverage/uncovered?scheme=medical", token: auditor)
            #expect(list.status == 200)
            #expect(list.list.compactMap { $0["name"] as? String } == uncovered.map(\.name))
            #expect(
                list.list.compactMap { $0["idNumber"] as? String } == uncovered.map { MaskedIDNumber($0.idNumber).text }
            )
            let body = String(decoding: list.body, as: UTF8.self)
            for person in uncovered { #expect(!body.contains(person.idNumber)) }
            if uncovered.count > 1 {
                let one = try await console.call(
                    .GET, "console/api/coverage/uncovered?scheme=medical&limit=1", token: auditor)
                #expect(one.list.count == 1)
            }
            #expect(
                try await console.call(.GET, "console/api/coverage/uncovered?scheme=dental", token: auditor).status
                    == 400)
            let technician = try await console.call(
                .GET, "console/api/coverage", token: try await console.signIn("tech-1"))
            #expect(technician.code == "console-forbidden")
            try await console.client.shutdown()
        }
    }

    @Test(
        "late cases of the area for the county to chase: which limit passed, no ID number, on the ledger",
        arguments: StoreKind.testable)
    func lateCasesOfTheArea(_ kind: StoreKind) async throws {
        try await CentreServerTests().withCentre(kind) { centre in
            let (home, _, terminal, _) = try await Self.twoTownships(centre)
            let monthsAgo = Date().addingTimeInterval(-60 * 86_400)
            func application(_ id: String, _ person: Person, at submitted: Date) -> Application {
                Application(
                    id: id, kind: .residentPensionEnrolment, idNumber: person.idNumber, submittedBy: "clerk1",
                    submittedAt: submitted, terminalID: "T-101", regionCode: person.regionCode)
            }
            let results = try await centre.store.apply(
                [
                    try Fixtures.command(.applicationSubmit, application("T-101-1", home[0], at: monthsAgo), key: "a"),
                    try Fixtures.command(.applicationSubmit, application("T-101-2", home[1], at: Date()), key: "b"),
                ], from: terminal, at: Date())
            #expect(results.map(\.outcome) == [.applied, .applied])
            try await Self.addStaff("audit-1", .countyAuditor, Self.county, to: centre.store, mustChange: false)
            try await Self.addStaff("tech-1", .technician, Self.county, to: centre.store, mustChange: false)
            let console = Console(centre)
            let answer = try await console.call(
                .GET, "console/api/cases/late", token: try await console.signIn("audit-1"))
            #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
            #expect(answer.list.compactMap { $0["id"] as? String } == ["T-101-1"])
            #expect(answer.list.first?["caseLate"] as? Bool == true)
            #expect(answer.list.first?["level"] as? String == "township")
            #expect(answer.list.first?["service"] as? String == "城乡居民养老保险参保登记")
            #expect(!String(decoding: answer.body, as: UTF8.self).contains(home[0].idNumber))
            let read = try await centre.store.ledger(from: 1, limit: 100).last
            #expect(read?.action == "cases.late-read" && read?.detail == "count=1")
            let technician = try await console.call(
                .GET, "console/api/cases/late", token: try await console.signIn("tech-1"))
            #expect(technician.code == "console-forbidden")
            try await console.client.shutdown()
        }
    }

    @Test(
        "retirees for the county to decide on: a reported death at once, the uncertified once overdue; masked, on the ledger",
        arguments: StoreKind.testable)
    func suspensionCandidatesOfTheArea(_ kind: StoreKind) async throws {
        try await CentreServerTests().withCentre(kind) { centre in
            let (_, _, terminal, _) = try await Self.twoTownships(centre)
            let dueBy = Date().addingTimeInterval(30 * 86_400)
            _ = try await centre.store.publishRetireeChecks(
                year: 2026, dueBy: dueBy,
                audit: CentreLedgerEvent(
                    actor: "admin:test", action: "retirees.publish", subject: .retireeChecks(year: 2026), regionCode: ""
                ))
            let retirees = try await centre.store.changes(
                after: SyncCursor(0), in: terminal.jurisdiction, limit: 100_000, at: Date()
            ).page.retireeChecks.map(\.idNumber).sorted()
            try #require(retirees.count >= 3)
            func record(_ idNumber: String, _ entry: RetireeCheckEntry, key: String) async throws {
                let command = try Fixtures.command(
                    .retireeCheck, RetireeCheckPayload(idNumber: idNumber, year: 2026, entry: entry), key: key)
                #expect(
                    try await centre.store.apply([command], from: terminal, at: Date()).map(\.outcome) == [.applied])
            }
            try await record(
                retirees[0],
                .lifeEvent(
                    RetireeLifeEvent(kind: .death, on: "2026-11-01", reporterRelation: "子女", by: "clerk1", at: Date())),
                key: "death")
            try await record(
                retirees[1], .certification(RetireeCertification(method: .kiosk, by: "card", at: Date())), key: "ok")
            try await Self.addStaff("audit-1", .countyAuditor, Self.county, to: centre.store, mustChange: false)
            let console = Console(centre)
            let answer = try await console.call(
                .GET, "console/api/retirees/candidates", token: try await console.signIn("audit-1"))
            #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
            #expect(answer.list.map { $0["reason"] as? String } == ["death"])
            #expect(answer.list.first?["idNumber"] as? String == MaskedIDNumber(retirees[0]).text)
            #expect(!String(decoding: answer.body, as: UTF8.self).contains(retirees[0]))
            let read = try await centre.store.ledger(from: 1, limit: 100).last
            #expect(read?.action == "retirees.candidates-read" && read?.detail == "count=1")

            // Past the last day, every check of the area not certified is a candidate; the certified one is not.
            let later = try await centre.store.suspensionCandidates(
                in: try Jurisdiction(Self.county), at: dueBy.addingTimeInterval(86_400), limit: 10_000)
            #expect(later.contains { $0.idNumber == MaskedIDNumber(retirees[2]).text && $0.reason == .overdue })
            #expect(!later.contains { $0.idNumber == MaskedIDNumber(retirees[1]).text })
            #expect(later.filter { $0.reason == .death }.count == 1)
            try await console.client.shutdown()
        }
    }

    @Test("the month's ratings by clerk, for the county only, on the ledger", arguments: StoreKind.testable)
    func satisfactionFigures(_ kind: StoreKind) async throws {
        try await CentreServerTests().withCentre(kind) { centre in
            let (_, _, terminal, _) = try await Self.twoTownships(centre)
            let ratings = [("satisfied", "clerk1"), ("dissatisfied", "clerk1"), ("basically-satisfied", nil)]
                .enumerated()
                .map { index, rating in
                    SatisfactionRating(
                        id: "T-101-R\(index)", level: SatisfactionLevel(rawValue: rating.0)!, reason: nil,
                        channel: rating.1 == nil ? .kiosk : .desk, service: nil, servedBy: rating.1,
                        regionCode: Fixtures.home, at: Date())
                }
            let applied = try await centre.store.apply(
                try ratings.map { try Fixtures.command(.satisfactionRating, $0, key: $0.id) }, from: terminal,
                at: Date())
            #expect(applied.allSatisfy { $0.outcome == .applied })
            try await Self.addStaff("audit-1", .countyAuditor, Self.county, to: centre.store, mustChange: false)
            try await Self.addStaff("tech-1", .technician, Self.county, to: centre.store, mustChange: false)
            let console = Console(centre)
            let month = YearMonth.inChina(containing: Date())
            let answer = try await console.call(
                .GET, "console/api/figures/satisfaction?month=\(month)&group=clerk",
                token: try await console.signIn("audit-1"))
            #expect(answer.status == 200, "\(String(decoding: answer.body, as: UTF8.self))")
            let rows = try #require(answer.object["rows"] as? [[String: Any]])
            #expect(rows.map { $0["key"] as? String } == ["card", "clerk1"])
            #expect(rows.last?["satisfied"] as? Int == 1 && rows.last?["dissatisfied"] as? Int == 1)
            #expect((answer.object["total"] as? [String: Any])?["basicallySatisfied"] as? Int == 1)
            let read = try await centre.store.ledger(from: 1, limit: 100).last
            #expect(read?.action == "figures.satisfaction-read" && read?.detail == "month=\(month) group=clerk")
            let badGroup = try await console.call(
                .GET, "console/api/figures/satisfaction?group=person", token: try await console.signIn("audit-1"))
            #expect(badGroup.status == 400)
            let technician = try await console.call(
                .GET, "console/api/figures/satisfaction", token: try await console.signIn("tech-1"))
            #expect(technician.code == "console-forbidden")
            try await console.client.shutdown()
        }
    }

    /// The home township's people and terminal (T-101, registered by `withCentre`), and a person
    /// of the neighbouring township with its terminal T-102, registered here: commands from both.
    static func twoTownships(_ centre: CentreServerTests.Centre) async throws -> (
        home: [Person], neighbour: Person, terminal: RegisteredTerminal, other: RegisteredTerminal
    ) {
        let neighbour = try #require(Fixtures.pages(Fixtures.township(Fixtures.neighbour, seed: 8)).first?.people.first)
        let (other, _) = try Fixtures.terminal("T-102", jurisdiction: Fixtures.neighbour)
        try await centre.store.register(other)
        return (centre.home.flatMap(\.people), neighbour, try Fixtures.terminal().0, other)
    }

    static func alertKinds(_ answer: Console.Answer, _ terminal: String) -> [String] {
        let row = answer.list.first { ($0["terminal"] as? [String: Any])?["id"] as? String == terminal }
        return (row?["alerts"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
    }

    // MARK: Helpers

    static func addStaff(
        _ id: String, _ role: CentreRole, _ area: String, to store: any CentreStore, mustChange: Bool = true
    ) async throws {
        try await store.addStaff(
            CentreStaffAccount(
                member: CentreStaffMember(id: id, name: "测试\(id)", role: role, jurisdiction: try Jurisdiction(area)),
                password: try PasswordHash(hashing: "first-pass-1", cost: 10), mustChangePassword: mustChange,
                createdAt: Date()))
    }

    /// Calls to the console's API as a browser makes them: JSON in and out, no client certificate.
    struct Console {
        let port: Int
        let client: HTTPClient

        init(_ centre: CentreServerTests.Centre) {
            port = centre.port
            client = centre.client(certificate: nil)
        }

        struct Answer {
            let status: UInt
            let body: Data
            var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
            var list: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }
            var code: String? { object["code"] as? String }
        }

        func call(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil, token: String? = nil)
            async throws -> Answer
        {
            var request = HTTPClientRequest(url: "https://127.0.0.1:\(port)/\(path)")
            request.method = method
            if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
            if let body {
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)))
            }
            let response = try await client.execute(request, timeout: .seconds(30))
            return Answer(
                status: response.status.code, body: Data(buffer: try await response.body.collect(upTo: 1 << 20)))
        }

        /// The token of a member whose password is already their own.
        func signIn(_ id: String) async throws -> String {
            let answer = try await call(.POST, "console/api/session", ["id": id, "password": "first-pass-1"])
            return try #require(answer.object["token"] as? String)
        }
    }
}

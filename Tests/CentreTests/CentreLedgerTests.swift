import Centre
import Foundation
import GRDB
import KioskCore
import KioskSQLite
import TestSupport
import Testing

/// The centre's own ledger: each change its staff or operator makes is an entry chained in the
/// same transaction, reads and exports of the figures too; the chain verifies under the key, shows
/// an altered entry, and a key that is not the ledger's writes nothing.
@Suite struct CentreLedgerTests {
    static func member(_ id: String, _ role: CentreRole = .countyAdministrator) throws -> CentreStaffMember {
        CentreStaffMember(id: id, name: "测试", role: role, jurisdiction: try Jurisdiction("430121"))
    }

    static func account(_ id: String, _ role: CentreRole) throws -> CentreStaffAccount {
        CentreStaffAccount(
            member: try member(id, role), password: try PasswordHash(hashing: "first-pass-1", cost: 10),
            mustChangePassword: true, createdAt: Fixtures.now)
    }

    @Test(arguments: StoreKind.testable)
    func eachChangeIsAnEntryInItsOwnTransactionAndTheChainVerifies(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let admin = try Self.member("admin-1")
            var clerk = try Self.account("clerk-9", .countyAuditor)
            try await store.addStaff(clerk, audit: CentreLedgerEvent(by: admin, "staff.add", .staff(id: "clerk-9")))
            clerk.isDisabled = true
            try await store.saveStaff(
                clerk, audit: CentreLedgerEvent(by: admin, "staff.disable", .staff(id: "clerk-9")))
            // A change refused leaves no entry: the account exists already.
            await #expect(throws: CentreError.staffExists) {
                try await store.addStaff(
                    clerk, audit: CentreLedgerEvent(by: admin, "staff.add", .staff(id: "clerk-9")))
            }
            try await store.record(
                CentreLedgerEvent(by: admin, "figures.export", .area("430121"), detail: "format=csv"), at: Fixtures.now)

            let entries = try await store.ledger(from: 1, limit: 10)
            #expect(entries.map(\.action) == ["staff.add", "staff.disable", "figures.export"])
            #expect(entries.map(\.sequence) == [1, 2, 3])
            #expect(entries.allSatisfy { $0.actor == "admin-1" && $0.terminalID == LedgerEntry.centreTerminalID })
            #expect(entries[2].subject == "area:430121" && entries[2].detail == "format=csv")
            #expect(entries[1].previousHash == entries[0].hash)
            #expect(try await store.verifyLedger() == .intact(entries: 3))
            #expect(try await store.ledger(from: 3, limit: 10).map(\.sequence) == [3])
        }
    }

    @Test(arguments: StoreKind.testable)
    func aKeyThatIsNotTheLedgersWritesNothing(_ kind: StoreKind) async throws {
        try await kind.withStore { store, options in
            try await store.record(
                CentreLedgerEvent(
                    actor: "admin:root", action: "calendar.publish", subject: .calendarYear(2027), regionCode: ""),
                at: Fixtures.now)
            let other = LedgerKey.generate()
            let event = CentreLedgerEvent(
                actor: "admin:root", action: "staff.add", subject: .staff(id: "x"), regionCode: "430121")
            @Sendable func refused(_ store: any CentreStore) async throws {
                await #expect(throws: CentreError.ledgerKeyMismatch) {
                    try await store.addStaff(try Self.account("x", .countyAuditor), audit: event)
                }
                #expect(try await store.staffAccount(id: "x") == nil, "the change went with its entry")
                #expect(try await store.verifyLedger() == .wrongKey)
            }
            switch kind {
            case .sqlite:
                try await refused(try SQLiteCentreStore(path: options[1], ledgerKey: other))
            case .postgres:
                try await PostgresCentreStore.withStore(url: options[1], ledgerKey: other, logger: .init(label: "test"))
                {
                    try await refused($0)
                }
            }
            #expect(try await store.verifyLedger() == .intact(entries: 1))
        }
    }

    @Test("an entry altered in the database is named by `sskiosk centre ledger verify`, which exits 1")
    func anAlteredEntryShows() async throws {
        try await StoreKind.sqlite.withStore { store, options in
            let admin = try Self.member("admin-1")
            for id in ["a", "b", "c"] {
                try await store.addStaff(
                    try Self.account(id, .countyAuditor),
                    audit: CentreLedgerEvent(by: admin, "staff.add", .staff(id: id), detail: "role=county-auditor"))
            }
            let binary = BuildFolder.executable("sskiosk")
            let intact = try await CommandRun.run([binary, "centre", "ledger", "verify"] + options)
            #expect(intact.status == 0, "\(intact.output)")
            #expect(intact.output.contains("ledger intact: 3 entries"))
            let shown = try await CommandRun.run([binary, "centre", "ledger", "show"] + options)
            #expect(shown.output.split(separator: "\n").count == 3)
            #expect(shown.output.contains("admin-1\tstaff.add\tstaff:b\t430121\trole=county-auditor"))

            try await DatabaseQueue(path: options[1]).write { db in
                try db.execute(sql: "UPDATE centreLedger SET detail = 'role=county-administrator' WHERE sequence = 2")
            }
            #expect(try await store.verifyLedger() == .altered(sequence: 2))
            let altered = try await CommandRun.run([binary, "centre", "ledger", "verify"] + options)
            #expect(altered.status == 1)
            #expect(altered.output.contains("entry 2 was altered"))
        }
    }
}

import Foundation
import GRDB
import KioskCore
import SocialSecurityCard

@testable import KioskSQLite

/// A store in a fresh temporary file sealed with a ledger key in a file beside it, with a
/// terminal, staff and residents to act with.
struct StoreFixture {
    let directory: URL
    let store: SQLiteKioskStore
    let ledgerKey: LedgerKey

    var path: String { directory.appendingPathComponent("kiosk.sqlite").path }
    var ledgerKeyPath: String { directory.appendingPathComponent("ledger.key").path }

    static let township = try! Jurisdiction("430102001")
    static let terminal = TerminalIdentity(terminalID: "T-0001", jurisdiction: township, name: "芙蓉区某街道便民服务中心")
    static let clerk = Principal.staff(StaffMember(id: "clerk-1", name: "经办人甲", role: .clerk, jurisdiction: township))
    static let otherClerk = Principal.staff(
        StaffMember(id: "clerk-2", name: "经办人丙", role: .clerk, jurisdiction: township))
    static let supervisor = Principal.staff(
        StaffMember(id: "supervisor-1", name: "主管乙", role: .supervisor, jurisdiction: township))
    /// Valid, made-up ID numbers of the township's county.
    static let residents: [String] = {
        var generator = SyntheticIdentity.Generator(seed: 77, rareNames: false, homeRegion: "430102001")
        return (0..<8).map { _ in generator.next().idNumber.unmaskedValue }
    }()
    static let monday = ISO8601DateFormatter().date(from: "2026-11-23T02:00:00Z")!

    /// Runs `body` against a new store, installed as ``terminal`` unless `installed` is false, and
    /// removes its files afterwards.
    static func with<T>(installed: Bool = true, _ body: (StoreFixture) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-store-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ledgerKey = try LedgerKeyFile.readOrCreate(directory.appendingPathComponent("ledger.key").path)
        let fixture = StoreFixture(
            directory: directory,
            store: try SQLiteKioskStore(
                path: directory.appendingPathComponent("kiosk.sqlite").path, ledgerKey: ledgerKey),
            ledgerKey: ledgerKey)
        if installed { try await fixture.store.setTerminal(terminal) }
        return try await body(fixture)
    }

    /// Reads the file on a connection of its own, as someone with the disk in hand would.
    func rawRead<T>(_ body: (Database) throws -> T) throws -> T { try DatabaseQueue(path: path).read(body) }

    /// Writes the file on a connection of its own, as someone with the disk in hand would.
    func rawWrite<T>(_ body: (Database) throws -> T) throws -> T { try DatabaseQueue(path: path).write(body) }

    /// Rows per table of the writes that matter.
    func counts() throws -> [String: Int] {
        try rawRead { db in
            var counts: [String: Int] = [:]
            for table in ["application", "card", "outbox", "ledger"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")!
            }
            return counts
        }
    }

    /// Every row of every table, in key order: two equal dumps are two equal databases.
    func dump() throws -> [String: [[DatabaseValue]]] {
        try rawRead { db in
            var dump: [String: [[DatabaseValue]]] = [:]
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            for table in tables {
                let columns = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM pragma_table_info(?)", arguments: [table])!
                let order = (1...columns).map(String.init).joined(separator: ", ")
                dump[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)").map {
                    Array($0.databaseValues)
                }
            }
            return dump
        }
    }
}

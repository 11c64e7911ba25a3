import ArgumentParser
import Foundation
import Glibc
import KioskCore
import KioskSQLite

/// The terminal database a staff command works on, and who is working on it.
struct StaffStoreOptions: ParsableArguments {
    @Option(help: "The terminal's SQLite database.")
    var database = "/var/lib/sskiosk/terminal.sqlite"

    @OptionGroup var ledgerKeyOptions: LedgerKeyOptions

    /// The store, which must exist and belong to an installed terminal: accounts are the terminal's,
    /// and each change goes on its ledger.
    func open() async throws -> SQLiteKioskStore {
        // Opening a store creates a missing file: a typo must not make an empty terminal.
        guard FileManager.default.fileExists(atPath: database) else {
            throw ValidationError("No database at \(database): give the terminal's database with --database.")
        }
        let store = try SQLiteKioskStore(path: database, ledgerKey: try ledgerKeyOptions.readOrCreate())
        guard try await store.terminal() != nil else { throw KioskError.terminalNotInstalled }
        return store
    }

    /// The ledger's name for whoever runs the command: their system account.
    var administrator: Principal { .administrator(account: OperatorAccount.name) }
}

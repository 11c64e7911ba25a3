import ArgumentParser
import Foundation
import KioskCore
import KioskSQLite

/// Walks the ledger's hash chain from its first entry to the recorded head. Says what it found by
/// entry number only (entries hold no full ID number, and neither does this output), and exits
/// non-zero on an altered or missing entry so scripts and auditors can act on it.
struct LedgerVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the ledger's hash chain; exits 1 when an entry is altered or missing."
    )

    @Option(help: "The terminal's SQLite database.")
    var database = "/var/lib/sskiosk/terminal.sqlite"

    func run() async throws {
        // Opening a store creates a missing file: a typo must not verify as an empty, intact ledger.
        guard FileManager.default.fileExists(atPath: database) else {
            throw ValidationError("No database at \(database): give the terminal's database with --database.")
        }
        let finding = try await SQLiteKioskStore(path: database).verifyLedger()
        print(finding.description)
        guard case .intact = finding else { throw ExitCode.failure }
    }
}

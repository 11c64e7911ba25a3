import ArgumentParser
import CentreClient
import Foundation
import KioskCore
import KioskSQLite

/// Walks the ledger's chain from its first entry to the recorded head under the ledger key and,
/// with `--centre`, checks that it still holds the head the centre anchored. Says what it found
/// by entry number only (entries hold no full ID number, and neither does this output), and exits
/// non-zero on an altered, missing, cut-off or emptied ledger, a wrong key, or a centre it could
/// not ask, so scripts and auditors can act on it. Reads the file only: it never writes the ledger.
struct LedgerVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Verify the ledger's chain under its key and, with --centre, against the centre's anchor; exits 1 on any fault."
    )

    @Option(help: "The terminal's SQLite database.")
    var database = "/var/lib/sskiosk/terminal.sqlite"

    @OptionGroup var ledgerKeyOptions: LedgerKeyOptions

    @OptionGroup var centreLink: CentreLinkOptions

    func run() async throws {
        // A typo must not verify as an empty, intact ledger.
        guard FileManager.default.fileExists(atPath: database) else {
            throw ValidationError("No database at \(database): give the terminal's database with --database.")
        }
        let key = try ledgerKeyOptions.read()
        var unreachable: (any Error)?
        var anchor: LedgerAnchor?
        if let link = try centreLink.link() {
            do {
                anchor = try await link.ledgerAnchor()
            } catch {
                unreachable = error
            }
            try await link.shutdown()
        }
        let finding = try SQLiteKioskStore.verifyLedger(atPath: database, key: key, anchor: anchor)
        print(finding.description)
        if let unreachable {
            print("not checked against the centre's anchor: the centre could not be asked (\(unreachable))")
            throw ExitCode.failure
        }
        if let anchor, anchor.refusals > 0 {
            // A head cut back shows above against the anchor; one that only arrived late (a second
            // sender's, or a retried push) went back on it too. The centre's record tells them apart.
            let last = anchor.lastRefusedAt.map { ", the last at \($0.formatted(Date.ISO8601FormatStyle()))" } ?? ""
            print("note: the centre refused \(anchor.refusals) ledger head(s) from this terminal\(last)")
        }
        guard case .intact = finding else { throw ExitCode.failure }
        if let head = anchor?.head { print("the centre's anchor, entry \(head.sequence), is in the chain") }
    }
}

import ArgumentParser
import Centre
import Foundation
import Logging

/// Walks the centre's ledger from its first entry under its key: an altered, missing or cut-off
/// entry, or a key file that is not the ledger's, is named by entry number and exits 1, so that
/// an auditor's script can act on it.
struct CentreLedgerVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Verify the centre's ledger under its key; exits 1 on any fault.")

    @OptionGroup var store: CentreStoreOptions

    func run() async throws {
        let database = store.database ?? CentreStoreOptions.standardDatabase
        let key = CentreStoreOptions.ledgerKeyPath(store.ledgerKey, database: database)
        // A missing key would be made afresh, and every entry would then look forged.
        guard FileManager.default.fileExists(atPath: key) else {
            throw ValidationError("No ledger key at \(key): give the centre's key file with --ledger-key.")
        }
        if store.postgres == nil, !FileManager.default.fileExists(atPath: database) {
            throw ValidationError("No database at \(database): give the centre's database with --database.")
        }
        let finding = try await store.withStore(logger: Logger(label: "sskiosk.centre")) {
            try await $0.verifyLedger()
        }
        print(finding.description)
        guard case .intact = finding else { throw ExitCode.failure }
    }
}

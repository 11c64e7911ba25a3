import ArgumentParser
import Centre
import Foundation
import Logging

/// The centre's ledger entries from one on, a line each: number, time, who, what, about what, in
/// which area, and the detail. Nothing in them is a full ID number.
struct CentreLedgerShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the centre's ledger entries, oldest first.")

    @OptionGroup var store: CentreStoreOptions

    @Option(help: "The first entry to print.")
    var from: Int64 = 1

    @Option(help: "How many entries at most.")
    var limit = 1000

    func run() async throws {
        let entries = try await store.withStore(logger: Logger(label: "sskiosk.centre")) {
            try await $0.ledger(from: from, limit: limit)
        }
        for entry in entries {
            let at = Date(timeIntervalSince1970: Double(entry.atMilliseconds) / 1000)
            print(
                [
                    String(entry.sequence), at.formatted(Date.ISO8601FormatStyle()), entry.actor, entry.action,
                    entry.subject, entry.regionCode, entry.detail,
                ].joined(separator: "\t"))
        }
    }
}

import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging

/// The centre's record of snapshot pulls: which terminal took which area, when, how much.
struct CentreSnapshotsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshots",
        abstract:
            "List the snapshots terminals pulled: start time, terminal, area, cursor, rows sent, end time (- when it broke off)."
    )

    @OptionGroup var store: CentreStoreOptions

    @Option(help: "How many hours back to list.")
    var hours = 24.0

    func run() async throws {
        let since = Date().addingTimeInterval(-hours * 3600)
        let pulls = try await store.withStore(logger: Logger(label: "sskiosk.centre")) {
            try await $0.snapshotPulls(since: since)
        }
        let format = ISO8601DateFormatter()
        for pull in pulls {
            let fields = [
                format.string(from: pull.startedAt), pull.terminalID, pull.jurisdiction.regionPrefix,
                pull.cursor.description, pull.rowCount.map(String.init) ?? "-",
                pull.finishedAt.map(format.string(from:)) ?? "-",
            ]
            print(fields.joined(separator: "\t"))
        }
    }
}

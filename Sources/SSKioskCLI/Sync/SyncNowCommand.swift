import ArgumentParser
import Foundation
import KioskCore
import KioskSQLite

/// One pull and one drain, now, for a technician who has just mended the link (or a new terminal's
/// first load before the service starts). The service's own sender may run at the same time: keys
/// make a command sent twice apply once.
struct SyncNowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "now", abstract: "Pull from the centre and drain the outbox once, now.")

    @Option(help: "The terminal's SQLite database.")
    var database = "/var/lib/sskiosk/terminal.sqlite"

    @OptionGroup var centreLink: CentreLinkOptions

    @Flag(help: "Only drain the outbox.")
    var noPull = false

    @Flag(help: "Only pull from the centre.")
    var noDrain = false

    func validate() throws {
        if centreLink.centre == nil { throw ValidationError("sync now needs --centre and its files.") }
    }

    func run() async throws {
        // No ledger key: a pull and a drain write no ledger entry; the drain sends the head the service wrote.
        let store = try SQLiteKioskStore(path: database, ledgerKey: nil)
        guard let link = try centreLink.link() else { return }
        let engine = SyncEngine(store: store, link: link)
        do {
            if !noPull {
                let start = ContinuousClock.now
                let report = try await engine.pull()
                let seconds = Self.seconds(ContinuousClock.now - start)
                print(
                    "\(report.firstLoad ? "first load" : "changes"): \(report.pages) page(s) in "
                        + String(format: "%.2f", seconds) + " s")
            }
            if !noDrain {
                let start = ContinuousClock.now
                let report = try await engine.drain()
                let seconds = Self.seconds(ContinuousClock.now - start)
                print(
                    "drain: \(report.acknowledged) acknowledged, \(report.refused) refused in "
                        + String(format: "%.2f", seconds) + " s")
            }
        } catch {
            try? await link.shutdown()
            throw error
        }
        try await link.shutdown()
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

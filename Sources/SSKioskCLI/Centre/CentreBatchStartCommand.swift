import ArgumentParser
import Centre
import Foundation
import KioskCore
import Logging

/// Puts every card applied for in an area into a new production batch; prints the batch id.
struct CentreBatchStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Send every card applied for in an area to production; prints the new batch's id on standard output.")

    @OptionGroup var store: CentreStoreOptions

    @Option(help: "The area's region-code prefix (2, 4, 6, 9 or 12 digits).")
    var region: String

    func run() async throws {
        let area = try Jurisdiction(region)
        let audit = CentreLedgerEvent(
            actor: store.operatorName, action: "batch.start", subject: .area(area.regionPrefix),
            regionCode: area.regionPrefix)
        let batch = try await store.withStore(logger: Logger(label: "sskiosk.centre")) {
            try await $0.startBatch(in: area, at: Date(), audit: audit)
        }
        guard let batch else {
            StandardError.write("no card in \(area) waits for production\n")
            return
        }
        StandardError.write("batch of \(batch.cardCount) card(s) for \(area) sent to production:\n")
        print(batch.id)
    }
}

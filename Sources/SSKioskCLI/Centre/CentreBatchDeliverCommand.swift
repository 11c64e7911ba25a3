import ArgumentParser
import Centre
import Foundation
import Logging

/// Records a production batch back from the bureau: its cards become ready at their desks.
struct CentreBatchDeliverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Record a batch back from the bureau: its cards still in production become ready at the desk.")

    @OptionGroup var store: CentreStoreOptions

    @Argument(help: "The batch id `centre batch start` printed.")
    var id: String

    func run() async throws {
        let audit = CentreLedgerEvent(
            actor: store.operatorName, action: "batch.deliver", subject: .cardBatch(id: id), regionCode: "")
        let batch = try await store.withStore(logger: Logger(label: "sskiosk.centre")) {
            try await $0.deliverBatch(id, at: Date(), audit: audit)
        }
        StandardError.write("batch \(batch.id) delivered (\(batch.cardCount) card(s) were sent)\n")
    }
}

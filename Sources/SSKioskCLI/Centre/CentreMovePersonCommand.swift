import ArgumentParser
import Centre
import Foundation
import Logging
import Vocabulary

/// Moves a person to another township or village: the terminals there pull them on their next
/// pull, and those serving only the old region forget them.
struct CentreMovePersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move-person",
        abstract:
            "Move a person with all their records and cards to another township or village; terminals of the old region forget them, those of the new one pull them."
    )

    @OptionGroup var store: CentreStoreOptions

    @Argument(help: "The person's ID number.")
    var idNumber: String

    @Option(help: "The region they now live in: a township (9 digits) or a village (12 digits).")
    var to: String

    func validate() throws {
        guard let region = RegionCode(to), region.level == .township || region.level == .village else {
            throw ValidationError("--to takes a township's 9-digit or a village's 12-digit region code")
        }
    }

    func run() async throws {
        let audit = CentreLedgerEvent(
            actor: store.operatorName, action: "person.move", subject: .person(idNumber: idNumber), regionCode: to)
        try await store.withStore(logger: Logger(label: "sskiosk.centre")) {
            try await $0.movePerson(idNumber, to: to, at: Date(), audit: audit)
        }
        StandardError.write("\(MaskedIDNumber(idNumber)) now lives in \(to)\n")
    }
}

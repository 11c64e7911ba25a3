import ArgumentParser
import Foundation
import SmartCard
import SocialSecurityCard

/// Personalises a blank card from a JSON record at an issuance desk, resuming an interrupted job
/// for the same card from the journal.
struct CardPersonaliseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "personalise",
        abstract: "Write a cardholder onto a blank card (the first PIN is read from the terminal or standard input)."
    )

    @Argument(help: "The JSON record (fields of PersonalisationRecord).")
    var record: String

    @Option(help: "Directory of the personalisation journal.")
    var journal = "/var/lib/sskiosk/personalisation"

    @OptionGroup var readerOptions: ReaderOptions
    @OptionGroup var keyOptions: KeyOptions

    func run() async throws {
        let job = try JSONDecoder().decode(
            PersonalisationRecord.self, from: Data(contentsOf: URL(fileURLWithPath: record)))
        let context = try PCSCContext()
        let report = try await readerOptions.withConnection(context, disconnecting: .reset) { connection in
            let session = try await SocialSecurityCardSession.open(connection)
            let (identity, cardholder) = try job.validated(for: try await session.readFactoryData(), today: .today())
            let personaliser = Personaliser(
                keys: try await keyOptions.requiredProvider(context),
                journal: try FileJournal(directory: URL(fileURLWithPath: journal))
            )
            let pin = try PINPrompt.read("First PIN: ", length: session.profile.pinLength)
            return try await personaliser.personalise(session, identity: identity, cardholder: cardholder, pin: pin) {
                done, total in
                StandardError.write("\rwriting: \(done)/\(total)")
            }
        }
        StandardError.write("\n")
        print("Card \(report.card) personalised\(report.resumed ? " (resumed an interrupted job)" : "") and read back.")
    }
}

import ArgumentParser
import HexCoding
import SmartCard
import SocialSecurityCard

/// Lifts an application block (`sskiosk card block`) with APPLICATION UNBLOCK, a command taken
/// from the PBOC family of the block commands (unverified on social security cards). A blocked
/// application refuses the read of its EF05, so the card identifier its maintenance key is
/// diversified with is given: `sskiosk card read` shows it, and the desk's records hold it.
struct CardUnblockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unblock",
        abstract: "Unblock the card's application (blocked with `card block`; not a permanent block)."
    )

    @Option(help: "The card identifier (卡识别码) as `card read` shows it: 32 hex digits, spaces allowed.")
    var cardIdentifier: String

    @OptionGroup var readerOptions: ReaderOptions
    @OptionGroup var profileOptions: ProfileOptions
    @OptionGroup var keyOptions: KeyOptions

    func validate() throws {
        _ = try identifier()
    }

    func run() async throws {
        let context = try PCSCContext()
        let profile = try profileOptions.load()
        let identifier = try self.identifier()
        try await readerOptions.withConnection(context, disconnecting: .reset) { connection in
            let session = try await SocialSecurityCardSession.open(connection, profile: profile)
            let keys = try await keyOptions.requiredProvider(context)
            try await session.unblockApplication(keys: keys, cardIdentifier: identifier)
        }
        print("The card's application is unblocked.")
    }

    private func identifier() throws -> CardIdentifier {
        do {
            return try CardIdentifier(bytes: [UInt8](hex: cardIdentifier.filter { !$0.isWhitespace }) ?? [])
        } catch {
            throw ValidationError("--card-identifier: \(error.message)")
        }
    }
}

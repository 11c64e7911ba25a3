import ArgumentParser
import SmartCard
import SocialSecurityCard

/// Blocks the card's social security application (reversible: `sskiosk card unblock`) or the whole card
/// (permanent), as a loss report or a cancellation demands.
struct CardBlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block",
        abstract: "Block the card's application, or with --permanently the whole card."
    )

    @Flag(help: "Block the whole card for good (cancellation). Without it only the application is locked.")
    var permanently = false

    @OptionGroup var readerOptions: ReaderOptions
    @OptionGroup var profileOptions: ProfileOptions
    @OptionGroup var keyOptions: KeyOptions

    func run() async throws {
        let context = try PCSCContext()
        let profile = try profileOptions.load()
        try await readerOptions.withConnection(context, disconnecting: .reset) { connection in
            let session = try await SocialSecurityCardSession.open(connection, profile: profile)
            let identity = try await session.readIdentity()
            let keys = try await keyOptions.requiredProvider(context)
            if permanently {
                try await session.blockCard(keys: keys, identity: identity)
            } else {
                try await session.blockApplication(keys: keys, identity: identity)
            }
        }
        print(permanently ? "The card is blocked permanently." : "The card's application is blocked.")
    }
}

import ArgumentParser
import SmartCard
import SocialSecurityCard

/// The cardholder's PIN: check it, change it, or (at a desk, with the keys) unblock or reset it.
/// PINs are read from the terminal with echo off, or from standard input, never from arguments.
struct CardPINCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pin",
        abstract: "Verify, change, unblock or reset the card's PIN."
    )

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case tries, verify, change, unblock, reset
    }

    @Argument(help: "tries (without using one), verify, change, unblock (desk), reset (desk: a new PIN).")
    var action: Action

    @OptionGroup var readerOptions: ReaderOptions
    @OptionGroup var profileOptions: ProfileOptions
    @OptionGroup var keyOptions: KeyOptions

    func run() async throws {
        let context = try PCSCContext()
        let profile = try profileOptions.load()
        let message = try await readerOptions.withConnection(context, disconnecting: .reset) { connection in
            let session = try await SocialSecurityCardSession.open(connection, profile: profile)
            let length = session.profile.pinLength
            switch action {
            case .tries:
                return "PIN tries left: \(try await session.pinTriesLeft())"
            case .verify:
                try await session.verify(try PINPrompt.read("PIN: ", length: length))
                return "PIN correct."
            case .change:
                let old = try PINPrompt.read("Current PIN: ", length: length)
                let new = try PINPrompt.read("New PIN: ", length: length)
                try await session.changePIN(from: old, to: new)
                return "PIN changed."
            case .unblock:
                let identity = try await session.readIdentity()
                try await session.unblockPIN(keys: try await keyOptions.requiredProvider(context), identity: identity)
                return "PIN unblocked; \(try await session.pinTriesLeft()) tries."
            case .reset:
                let identity = try await session.readIdentity()
                let keys = try await keyOptions.requiredProvider(context)
                try await session.reloadPIN(
                    to: try PINPrompt.read("New PIN: ", length: length), keys: keys, identity: identity)
                return "New PIN set."
            }
        }
        print(message)
    }
}

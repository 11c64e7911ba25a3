import KioskCore
import SmartCard
import SocialSecurityCard

/// The kiosk's way to the resident's card: which card is in and its tries left, and the PIN checked
/// on that card with the cardholder read back. A fresh channel per operation (``CardOpener``),
/// closed with a reset, so a card swapped between calls is never mistaken for the one before and
/// no PIN stays verified on the card after the operation; the PIN goes straight into the command
/// and nowhere else. Through pcscd each operation runs on its connection's own thread, so its APDUs
/// go out one after another without a switch of threads between them.
public struct ResidentCardReader: Sendable {
    private let cards: any CardOpener
    /// Keys for 3.0 cards, whose cardholder file needs an external authentication.
    private let keys: (any KeyProvider)?
    /// The region's card layout: the national profile, or one a technician loaded from a file.
    private let profile: CardProfile

    public init(keys: (any KeyProvider)?, profile: CardProfile = .standard, cards: any CardOpener) {
        self.keys = keys
        self.profile = profile
        self.cards = cards
    }

    /// Cards in pcscd's readers, each operation ended with a reset of the card.
    public static func pcsc(_ context: PCSCContext, keys: (any KeyProvider)?, profile: CardProfile = .standard)
        -> Self
    {
        Self(keys: keys, profile: profile, cards: context)
    }

    /// The card in `reader` (its free-read EF05) and its PIN tries left, asked without using one.
    func inspect(reader: String) async throws -> (card: CardIdentity, triesLeft: Int) {
        try await cards.withChannel(to: reader) { channel in
            let session = try await SocialSecurityCardSession.open(channel, profile: profile)
            let card = try await session.readIdentity()
            return (card, try await session.pinTriesLeft())
        }
    }

    /// Checks `pin` on `card`, the card the PIN was asked for. The card in the reader is read before
    /// VERIFY, so a swapped-in card never gets (and never loses a try to) a PIN typed for another;
    /// and again after it, so a swap during VERIFY never opens a session. Either throws
    /// ``SocialSecurityCardError/cardChanged``.
    func verify(_ pin: borrowing PIN, on card: CardIdentity, reader: String) async throws
        -> (identity: CardIdentity, cardholder: Cardholder)
    {
        try await cards.withChannel(to: reader) { channel in
            let session = try await SocialSecurityCardSession.open(channel, profile: profile)
            guard try await session.readIdentity() == card else { throw SocialSecurityCardError.cardChanged }
            try await session.verify(pin)
            guard try await Self.identityAfterVerify(session) == card else {
                throw SocialSecurityCardError.cardChanged
            }
            return (card, try await session.readCardholder(of: card, keys: keys))
        }
    }

    /// EF05 read again after VERIFY. A card that no longer answers as the one just checked did
    /// (another card, fresh from its reset, has no directory selected) is a changed card; only a
    /// card gone from the reader stays the reader's error.
    private static func identityAfterVerify(_ session: SocialSecurityCardSession)
        async throws(SocialSecurityCardError) -> CardIdentity
    {
        do {
            return try await session.readIdentity()
        } catch {
            throw error.underlying == nil ? .cardChanged : error
        }
    }

    /// CHANGE PIN on `card`, the card of the open session; another card in the reader is refused
    /// with ``SocialSecurityCardError/cardChanged`` before it gets the old PIN.
    func changePIN(from old: borrowing PIN, to new: borrowing PIN, on card: CardIdentity, reader: String)
        async throws
    {
        try await cards.withChannel(to: reader) { channel in
            let session = try await SocialSecurityCardSession.open(channel, profile: profile)
            guard try await session.readIdentity() == card else { throw SocialSecurityCardError.cardChanged }
            try await session.changePIN(from: old, to: new)
        }
    }
}

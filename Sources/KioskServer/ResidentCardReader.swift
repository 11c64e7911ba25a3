import KioskCore
import SmartCard
import SocialSecurityCard

/// The kiosk's way to the resident's card: the tries left, and the PIN checked on the card with
/// the cardholder read back. A fresh channel per operation, so a card swapped between calls is
/// never mistaken for the one before; the PIN goes straight into the command and nowhere else.
/// Each operation runs on its channel's own thread (``CardChannel/taskExecutor``), so its APDUs
/// go out one after another without a switch of threads between them.
public struct ResidentCardReader: Sendable {
    /// A channel to the card in a reader, and how to let it go.
    public typealias Open = @Sendable (String) async throws -> (channel: any CardChannel, close: @Sendable () -> Void)

    private let open: Open
    /// Keys for 3.0 cards, whose cardholder file needs an external authentication.
    private let keys: (any KeyProvider)?

    public init(keys: (any KeyProvider)?, open: @escaping Open) {
        self.keys = keys
        self.open = open
    }

    /// Cards in pcscd's readers.
    public static func pcsc(_ context: PCSCContext, keys: (any KeyProvider)?) -> Self {
        Self(keys: keys) { reader in
            let connection = try await context.connect(reader: reader)
            return (connection, { try? connection.disconnect() })
        }
    }

    func pinTriesLeft(reader: String) async throws -> Int {
        let (channel, close) = try await open(reader)
        defer { close() }
        return try await withTaskExecutorPreference(channel.taskExecutor) {
            try await SocialSecurityCardSession.open(channel).pinTriesLeft()
        }
    }

    func verify(_ pin: borrowing PIN, reader: String) async throws -> (identity: CardIdentity, cardholder: Cardholder) {
        let (channel, close) = try await open(reader)
        defer { close() }
        return try await withTaskExecutorPreference(channel.taskExecutor) {
            let session = try await SocialSecurityCardSession.open(channel)
            try await session.verify(pin)
            let identity = try await session.readIdentity()
            return (identity, try await session.readCardholder(of: identity, keys: keys))
        }
    }

    func changePIN(from old: borrowing PIN, to new: borrowing PIN, reader: String) async throws {
        let (channel, close) = try await open(reader)
        defer { close() }
        try await withTaskExecutorPreference(channel.taskExecutor) {
            try await SocialSecurityCardSession.open(channel).changePIN(from: old, to: new)
        }
    }
}

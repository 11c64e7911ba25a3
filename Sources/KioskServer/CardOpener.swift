import SmartCard

/// Where the kiosk's and the desk's card operations find the card in a reader: a fresh channel for
/// each operation, closed when it ends, so a card swapped between two operations is never taken
/// for the one before. PC/SC in the service (``SmartCard/PCSCContext``), a card in process in tests.
public protocol CardOpener: Sendable {
    /// Runs `operation` with a channel to the card in `reader`, and closes the channel afterwards,
    /// also when `operation` throws.
    func withChannel<T: Sendable>(to reader: String, _ operation: (any CardChannel) async throws -> T)
        async throws -> T
}

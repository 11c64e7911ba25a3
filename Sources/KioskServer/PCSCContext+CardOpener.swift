import SmartCard

/// Cards in pcscd's readers: each operation runs on its connection's own thread from the connect
/// to the disconnect, and ends with a reset of the card (SCARD_RESET_CARD), since a card left as
/// it was would stay PIN-verified (or externally authenticated, after a personalisation) for
/// whoever connects next, until it is pulled.
extension PCSCContext: CardOpener {
    public func withChannel<T: Sendable>(to reader: String, _ operation: (any CardChannel) async throws -> T)
        async throws -> T
    {
        try await withConnection(reader: reader, disconnecting: .reset) { try await operation($0) }
    }
}

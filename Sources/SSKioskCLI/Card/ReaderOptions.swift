import ArgumentParser
import SmartCard

/// Which reader a command talks to.
struct ReaderOptions: ParsableArguments {
    @Option(help: "Reader name; default: the first reader with a card.")
    var reader: String?

    /// Runs `operation` with a connection to the chosen reader's card, or to the first reader that
    /// has one, on the connection's own thread as the service runs its card operations, and then
    /// disconnects with `disposition`.
    func withConnection<T: Sendable>(
        _ context: PCSCContext, share: ShareMode = .shared, disconnecting disposition: CardDisposition,
        _ operation: (CardConnection) async throws -> T
    ) async throws -> T {
        if let reader {
            return try await context.withConnection(
                reader: reader, share: share, disconnecting: disposition, operation)
        }
        for candidate in try context.readers() {
            // A reader whose card does not connect is passed over; an operation's failure is the command's.
            var connected = false
            do {
                return try await context.withConnection(reader: candidate, share: share, disconnecting: disposition) {
                    connected = true
                    return try await operation($0)
                }
            } catch  where !connected {
                continue
            }
        }
        throw SmartCardError.noCard
    }
}

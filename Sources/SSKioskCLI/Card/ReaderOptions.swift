import ArgumentParser
import SmartCard

/// Which reader a command talks to.
struct ReaderOptions: ParsableArguments {
    @Option(help: "Reader name; default: the first reader with a card.")
    var reader: String?

    /// Connects to the chosen reader's card, or to the first reader that has one.
    func connect(_ context: PCSCContext, share: ShareMode = .shared) async throws -> CardConnection {
        if let reader { return try await context.connect(reader: reader, share: share) }
        for candidate in try context.readers() {
            if let card = try? await context.connect(reader: candidate, share: share) { return card }
        }
        throw SmartCardError.noCard
    }
}

import SmartCard

/// The reader whose card the card checks look at: the configured one, or else the first reader
/// with a card in it that is not the PSAM's.
struct CardReaderChoice: Sendable {
    /// The reader the configuration names for the resident's card, if any.
    var configured: String?
    /// The PSAM's reader, never taken for the card reader.
    var psamReader: String?

    enum Outcome {
        case reader(String)
        /// No reader holds a card; the readers looked at, for the message.
        case noCard([String])
    }

    func resolve(_ context: PCSCContext) async throws(SmartCardError) -> Outcome {
        if let configured { return .reader(configured) }
        let statuses = try await BlockingWork.run { () throws(SmartCardError) in try context.readerStatuses() }
        let candidates = statuses.filter { $0.reader != psamReader }
        // A mute card still counts: connecting to it is what tells the technician it is mute.
        if let withCard = candidates.first(where: { $0.state.contains(.present) || $0.state.contains(.mute) }) {
            return .reader(withCard.reader)
        }
        return .noCard(candidates.map(\.reader))
    }
}

import SmartCard
import Synchronization

/// A card channel that keeps every command it carries with the card's answer, in order: what one
/// read sends, for the C peer to send again.
final class RecordingChannel: CardChannel {
    private let base: any CardChannel
    private let recorded = Mutex<[(command: [UInt8], response: [UInt8])]>([])

    init(_ base: any CardChannel) { self.base = base }

    /// The exchanges so far.
    var exchanges: [(command: [UInt8], response: [UInt8])] { recorded.withLock { $0 } }

    func transmitRaw(_ command: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        let response = try await base.transmitRaw(command)
        recorded.withLock { $0.append((command, response)) }
        return response
    }
}

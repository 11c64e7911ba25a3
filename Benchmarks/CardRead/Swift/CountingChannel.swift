import SmartCard
import Synchronization

/// A card channel that counts the APDUs it carries, GET RESPONSE and 6Cxx resends included: what
/// the card and the reader really see.
final class CountingChannel: CardChannel {
    private let base: any CardChannel
    private let sent = Atomic<Int>(0)

    init(_ base: any CardChannel) { self.base = base }

    /// APDUs since the last ``take()``, and the counter back to zero.
    func take() -> Int { sent.exchange(0, ordering: .relaxed) }

    func transmitRaw(_ command: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        sent.add(1, ordering: .relaxed)
        return try await base.transmitRaw(command)
    }
}

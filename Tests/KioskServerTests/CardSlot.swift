import CardSimulator
import CardTestSupport
import SmartCard
import Synchronization

/// A reader slot for API tests: a simulated card in process, kept across the connections the
/// service opens, that a test can pull (with a fault plan, part way through) and put back.
final class CardSlot: Sendable {
    typealias Channel = InProcessCardChannel<SimulatedSocialSecurityCard>
    private let channel = Mutex<Channel?>(nil)

    func insert(_ image: CardImage, faults: FaultPlan = .none) {
        channel.withLock { $0 = CardFixtures.channel(image, faults: faults) }
    }

    /// Puts the card last in the slot back, in the state it was left in, without faults.
    func reinsert() {
        channel.withLock { $0 = $0.map { Channel(card: $0.card) } }
    }

    var card: SimulatedSocialSecurityCard? { channel.withLock { $0?.card } }

    func open(_ reader: String) throws -> (channel: any CardChannel, close: @Sendable () -> Void) {
        guard let channel = channel.withLock({ $0 }) else { throw SmartCardError.noCard }
        return (channel, {})
    }
}

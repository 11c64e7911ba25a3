import CardSimulator
import CardTestSupport
import KioskServer
import SmartCard
import Synchronization

/// A reader slot for API tests: a simulated card in process, kept across the connections the
/// service opens, that a test can pull (with a fault plan, part way through), put back, or swap for
/// another between two commands.
final class CardSlot: CardOpener {
    typealias Channel = InProcessCardChannel<SimulatedSocialSecurityCard>

    private struct State {
        var channel: Channel?
        /// A swap to come: the card that goes in once `after` more commands have been answered.
        var swap: (after: Int, image: CardImage)?
    }

    private let state = Mutex(State())

    func insert(_ image: CardImage, faults: FaultPlan = .none) {
        state.withLock { $0.channel = CardFixtures.channel(image, faults: faults) }
    }

    /// Puts the card last in the slot back, in the state it was left in, without faults.
    func reinsert() {
        state.withLock { $0.channel = $0.channel.map { Channel(card: $0.card) } }
    }

    /// Swaps the card for `image` once `count` more commands have reached it: a card pulled and
    /// another pushed in between two APDUs, faster than pcscd's poll of the reader would notice.
    func swap(after count: Int, to image: CardImage) {
        state.withLock { $0.swap = (count, image) }
    }

    var card: SimulatedSocialSecurityCard? { state.withLock { $0.channel?.card } }

    /// The commands the card now in the slot has received, in the buffers they were sent in.
    var sent: [[UInt8]]? { state.withLock { $0.channel?.sent } }

    /// The instruction bytes of the commands the card now in the slot has received.
    var sentINS: [UInt8]? { sent?.map { $0[1] } }

    /// A channel to whatever card is in the slot at each command, as a connection to a reader is.
    func channel() throws -> any CardChannel {
        guard state.withLock({ $0.channel != nil }) else { throw SmartCardError.noCard }
        return SlotChannel(slot: self)
    }

    func withChannel<T: Sendable>(to reader: String, _ operation: (any CardChannel) async throws -> T)
        async throws -> T
    {
        try await operation(try channel())
    }

    /// Sends `command` to the card in the slot now, then makes a swap that is due.
    fileprivate func transmitRaw(_ command: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        guard let channel = state.withLock({ $0.channel }) else { throw .cardRemoved }
        let answer = try await channel.transmitRaw(command)
        state.withLock { state in
            guard let swap = state.swap else { return }
            if swap.after <= 1 {
                state.channel = CardFixtures.channel(swap.image)
                state.swap = nil
            } else {
                state.swap = (swap.after - 1, swap.image)
            }
        }
        return answer
    }
}

/// A connection to whatever card is in a ``CardSlot`` at each command, as a reader slot is.
private struct SlotChannel: CardChannel {
    let slot: CardSlot

    func transmitRaw(_ command: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        try await slot.transmitRaw(command)
    }
}

import CardSimulator
import SmartCard
import Synchronization

/// A ``CardChannel`` that answers from a ``VirtualCard`` in process, so the terminal-side APDU
/// logic meets the same card as on the rig without pcscd. Records every command sent.
final class SimulatedCardChannel<Card: VirtualCard>: CardChannel {
    private let state: Mutex<(card: Card, sent: [[UInt8]])>

    init(card: Card) {
        state = Mutex((card, []))
    }

    /// The commands sent so far, as bytes, in order.
    var sent: [[UInt8]] { state.withLock { $0.sent } }

    func transmitRaw(_ command: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        state.withLock { state in
            state.sent.append(command)
            return state.card.respond(to: command)
        }
    }
}

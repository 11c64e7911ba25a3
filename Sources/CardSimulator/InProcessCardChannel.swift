import SmartCard
import Synchronization

/// A ``CardChannel`` straight to a ``VirtualCard`` in this process: the same card as behind vpcd,
/// without pcscd, for fast unit tests. Applies a ``FaultPlan`` as vpcd's handler does (a pulled
/// card throws ``SmartCardError/cardRemoved`` from then on; a delay is waited out) and records
/// every command sent.
public final class InProcessCardChannel<Card: VirtualCard>: CardChannel {
    private struct State {
        var card: Card
        var sent: [[UInt8]] = []
        var removed = false
    }

    private let state: Mutex<State>
    private let faults: FaultPlan

    public init(card: Card, faults: FaultPlan = .none) {
        state = Mutex(State(card: card))
        self.faults = faults
    }

    /// The commands sent so far, as bytes, in order.
    public var sent: [[UInt8]] { state.withLock { $0.sent } }

    /// The card as it is now (its image, for a simulated social security card).
    public var card: Card { state.withLock { $0.card } }

    public func transmitRaw(_ command: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        if faults.delay > .zero { try? await Task.sleep(for: faults.delay) }
        let answer: [UInt8]? = state.withLock { state in
            guard !state.removed else { return nil }
            state.sent.append(command)
            switch faults.action(forAPDU: state.sent.count) {
            case .remove:
                state.removed = true
                return nil
            case .refuse(let statusWord):
                return [UInt8(statusWord >> 8), UInt8(statusWord & 0xFF)]
            case .respond(let removeAfter, let corrupt):
                let response = state.card.respond(to: command)
                if removeAfter {
                    state.removed = true
                    return nil
                }
                return corrupt ? Array(response.prefix(1)) : response
            }
        }
        guard let answer else { throw .cardRemoved }
        return answer
    }
}

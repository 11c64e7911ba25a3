import HexCoding
import SmartCard
import Synchronization
import Testing

/// A ``CardChannel`` that plays back fixed answers, for cards that misbehave in ways no
/// ``VirtualCard`` of the simulator does. Records every command sent.
final class ScriptedCardChannel: CardChannel {
    private let state: Mutex<(script: [Result<[UInt8], SmartCardError>], sent: [[UInt8]])>
    private let forever: [UInt8]?

    /// Answers with `script` in order, then with `forever` for every further command; without
    /// `forever`, a command beyond the script is a test failure.
    init(_ script: [Result<[UInt8], SmartCardError>], thenForever forever: [UInt8]? = nil) {
        state = Mutex((script, []))
        self.forever = forever
    }

    /// The commands sent so far, as bytes, in order.
    var sent: [[UInt8]] { state.withLock { $0.sent } }

    func transmitRaw(_ command: [UInt8]) async throws(SmartCardError) -> [UInt8] {
        let next = state.withLock { state -> Result<[UInt8], SmartCardError>? in
            state.sent.append(command)
            return state.script.isEmpty ? forever.map { .success($0) } : state.script.removeFirst()
        }
        guard let next else {
            Issue.record("command beyond the script: \(command.hexString)")
            throw .communicationError
        }
        return try next.get()
    }
}

import SmartCard

/// A card that answers exactly what a real card answered in a recorded trace, and nothing else:
/// the reader under test must send only commands the trace holds.
///
/// A command recorded more than once (GET CHALLENGE) gets its recorded answers in order, the last
/// one repeating; a reset starts the trace again. Traces come from terminals whose T=0 transport
/// sent a case 4 command without its Le and fetched the answer with GET RESPONSE, which their logs
/// do not show, so a command with data is matched without a trailing Le. Anything else is answered
/// `6F00` and kept in ``unrecorded``, for the test to fail on.
public struct ReplayCard: VirtualCard {
    public let atr: [UInt8]
    private let answers: [[UInt8]: [[UInt8]]]
    private var used: [[UInt8]: Int] = [:]
    /// Commands the trace does not hold, as sent.
    public private(set) var unrecorded: [[UInt8]] = []

    public init(trace: APDUTrace) {
        atr = trace.atr
        var answers: [[UInt8]: [[UInt8]]] = [:]
        for exchange in trace.exchanges {
            answers[Self.matchable(exchange.command), default: []].append(exchange.response)
        }
        self.answers = answers
    }

    public mutating func reset() {
        used = [:]
    }

    public mutating func respond(to command: [UInt8]) -> [UInt8] {
        let key = Self.matchable(command)
        guard let recorded = answers[key] else {
            unrecorded.append(command)
            return [0x6F, 0x00]
        }
        let index = used[key, default: 0]
        used[key] = index + 1
        return recorded[min(index, recorded.count - 1)]
    }

    /// The command as a T=0 terminal puts it on the wire: a case 4 command loses its Le.
    static func matchable(_ command: [UInt8]) -> [UInt8] {
        guard let apdu = try? CommandAPDU(bytes: command), !apdu.data.isEmpty, apdu.expectedLength != nil else {
            return command
        }
        return Array(command.dropLast())
    }
}

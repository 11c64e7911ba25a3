import Foundation

/// A resident's session at a kiosk, as a pure state machine: events in, state and actions out.
///
/// A session opens only when the card's PIN is verified on the card, and ends on card removal,
/// idle timeout or exit. On ending, the driver must drop everything it holds for the person
/// (``Action/forgetPerson``); the state itself then holds nothing of them.
public struct ResidentSession: Sendable {
    public enum State: Equatable, Sendable {
        /// No card: the attract screen.
        case idle
        /// A card in the reader, PIN not yet verified.
        case awaitingPIN(reader: String, triesLeft: Int)
        /// The PIN was verified: the person's session, with its last activity.
        case active(reader: String, idNumber: String, lastActivity: Date)
        /// The PIN is blocked: the card must go to a desk.
        case blocked(reader: String)
    }

    public enum Event: Sendable {
        case cardInserted(reader: String, triesLeft: Int)
        case pinVerified(idNumber: String, at: Date)
        case pinRejected(triesLeft: Int)
        case activity(at: Date)
        case cardRemoved(reader: String)
        case tick(at: Date)
        case exit
    }

    public enum Action: Equatable, Sendable {
        /// Drop every copy of the person's data: the session ended.
        case forgetPerson(reason: EndReason)
        /// Show how many seconds are left before the idle timeout ends the session.
        case warnIdle(secondsLeft: Int)
    }

    public enum EndReason: String, Equatable, Sendable {
        case cardRemoved = "card-removed"
        case idleTimeout = "idle-timeout"
        case exit
    }

    public private(set) var state: State = .idle
    /// Inactivity after which the session ends.
    public let idleTimeout: TimeInterval
    /// How long before the timeout the countdown shows.
    public let warningPeriod: TimeInterval

    public init(idleTimeout: TimeInterval = 120, warningPeriod: TimeInterval = 30) {
        self.idleTimeout = idleTimeout
        self.warningPeriod = warningPeriod
    }

    /// The person whose data may be shown now, if any.
    public var idNumber: String? {
        if case .active(_, let idNumber, _) = state { return idNumber }
        return nil
    }

    public mutating func handle(_ event: Event) -> [Action] {
        switch (state, event) {
        case (_, .cardInserted(let reader, let triesLeft)):
            let ended = endIfActive(.cardRemoved)
            state = triesLeft == 0 ? .blocked(reader: reader) : .awaitingPIN(reader: reader, triesLeft: triesLeft)
            return ended
        case (.awaitingPIN(let reader, _), .pinVerified(let idNumber, let now)):
            state = .active(reader: reader, idNumber: idNumber, lastActivity: now)
            return []
        case (.awaitingPIN(let reader, _), .pinRejected(let triesLeft)):
            state = triesLeft == 0 ? .blocked(reader: reader) : .awaitingPIN(reader: reader, triesLeft: triesLeft)
            return []
        case (.active(let reader, let idNumber, _), .activity(let now)):
            state = .active(reader: reader, idNumber: idNumber, lastActivity: now)
            return []
        case (.active(let reader, _, let last), .tick(let now)):
            let idle = now.timeIntervalSince(last)
            if idle >= idleTimeout {
                state = .awaitingPIN(reader: reader, triesLeft: -1)
                return [.forgetPerson(reason: .idleTimeout)]
            }
            if idle >= idleTimeout - warningPeriod {
                return [.warnIdle(secondsLeft: Int((idleTimeout - idle).rounded(.up)))]
            }
            return []
        case (_, .cardRemoved(let reader)) where reader == currentReader:
            let ended = endIfActive(.cardRemoved)
            state = .idle
            return ended
        case (.active, .exit):
            return endIfActive(.exit)
        default:
            return []
        }
    }

    private var currentReader: String? {
        switch state {
        case .idle: nil
        case .awaitingPIN(let reader, _), .blocked(let reader), .active(let reader, _, _): reader
        }
    }

    /// Ends an active session; after idle timeout or exit the card stays in, so the state waits
    /// for the PIN again (tries unknown: -1) until the card is taken.
    private mutating func endIfActive(_ reason: EndReason) -> [Action] {
        guard case .active(let reader, _, _) = state else { return [] }
        state = .awaitingPIN(reader: reader, triesLeft: -1)
        return [.forgetPerson(reason: reason)]
    }
}

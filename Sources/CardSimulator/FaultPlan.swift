/// Faults a virtual card shows on purpose, so tests can make the field's failures real: a card
/// pulled in the middle of a write, a slow or garbled answer, a refusal.
///
/// APDUs are counted from 1 over the commands the card receives while inserted; control frames
/// (power, reset, ATR) do not count.
public struct FaultPlan: Hashable, Sendable {
    /// Pull the card when this APDU arrives, before the card acts on it: a write never happens.
    public var removeBeforeAPDU: Int?
    /// Pull the card after it acted on this APDU, before the answer leaves: a write happened but
    /// the terminal never learns it.
    public var removeAfterAPDU: Int?
    /// Delay before every answer.
    public var delay: Duration
    /// Answer this APDU with a single byte, which no reader can take for a response.
    public var corruptAPDU: Int?
    /// Answer these APDUs with the given status word instead of letting the card act.
    public var refusals: [Int: UInt16]

    public init(
        removeBeforeAPDU: Int? = nil,
        removeAfterAPDU: Int? = nil,
        delay: Duration = .zero,
        corruptAPDU: Int? = nil,
        refusals: [Int: UInt16] = [:]
    ) {
        self.removeBeforeAPDU = removeBeforeAPDU
        self.removeAfterAPDU = removeAfterAPDU
        self.delay = delay
        self.corruptAPDU = corruptAPDU
        self.refusals = refusals
    }

    /// No faults: the card behaves.
    public static let none = FaultPlan()

    /// What the card does with APDU number `number`.
    enum Action: Equatable {
        case remove
        case refuse(UInt16)
        case respond(removeAfter: Bool, corrupt: Bool)
    }

    func action(forAPDU number: Int) -> Action {
        if removeBeforeAPDU == number { return .remove }
        if let statusWord = refusals[number] { return .refuse(statusWord) }
        return .respond(removeAfter: removeAfterAPDU == number, corrupt: corruptAPDU == number)
    }
}

import Foundation

/// A card in the desk's books, with who did each step and when (separation of duties).
public struct CardRecord: Codable, Hashable, Sendable {
    public var cardNumber: String
    public var idNumber: String
    public var status: CardStatus
    /// The card identifier (hex) once a chip is personalised for it.
    public var cardIdentifier: String?
    public var steps: [Step]

    /// One step of the card's life: what, who, when.
    public struct Step: Codable, Hashable, Sendable {
        public var status: CardStatus
        public var by: String
        public var at: Date

        public init(status: CardStatus, by: String, at: Date) {
            self.status = status
            self.by = by
            self.at = at
        }
    }

    public init(cardNumber: String, idNumber: String, requestedBy: String, at: Date) {
        self.cardNumber = cardNumber
        self.idNumber = idNumber
        self.status = .applied
        self.steps = [Step(status: .applied, by: requestedBy, at: at)]
    }

    /// A card as a store read it back, with the steps it recorded.
    public init(cardNumber: String, idNumber: String, status: CardStatus, cardIdentifier: String?, steps: [Step]) {
        self.cardNumber = cardNumber
        self.idNumber = idNumber
        self.status = status
        self.cardIdentifier = cardIdentifier
        self.steps = steps
    }

    /// Moves the card to `next`, recorded as done by `actor`; refuses illegal moves with a reason.
    public mutating func move(to next: CardStatus, by actor: String, at now: Date) throws(KioskError) {
        guard status.canMove(to: next) else {
            throw .illegalTransition(
                from: status.rawValue,
                to: next.rawValue,
                chinese: "卡片当前为“\(status.chineseName)”，不能变为“\(next.chineseName)”。"
            )
        }
        status = next
        steps.append(Step(status: next, by: actor, at: now))
    }

    /// Two people for a new card (分权操作): whoever wrote the chip (the step to ready-at-desk)
    /// neither hands it out nor starts it. The terminal checks it for its staff, the centre for
    /// every card move a terminal sends.
    public func checkTwoPeople(moving next: CardStatus, by actor: String) throws(KioskError) {
        if next == .issued || (next == .active && status == .issued), self.actor(of: .readyAtDesk) == actor {
            throw .samePersonaliser
        }
    }

    /// Who did the step that led to `status`, if it happened.
    public func actor(of status: CardStatus) -> String? { steps.last { $0.status == status }?.by }
}

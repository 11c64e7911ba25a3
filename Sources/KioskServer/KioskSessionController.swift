import Foundation
import KioskCore
import Logging
import SmartCard
import SocialSecurityCard

/// Drives the resident's session at this kiosk: reader events and PIN entry in, the session
/// state machine in the middle, events out to the pages. When a session ends, the token and the
/// cardholder it held are dropped at once.
///
/// A session is bound to the card read when it was inserted (its EF05 identity, no personal data),
/// and the page's PIN to that insertion (an opaque id the page got with "pin-required"): the PIN is
/// checked only on that card, so a card swapped in, before or after pcscd's event arrives, neither
/// opens a session nor loses a try to a PIN typed for the card before it.
actor KioskSessionController {
    private let reader: String
    private let cards: ResidentCardReader
    private let events: EventHub
    private let logger: Logger
    private var session: ResidentSession
    private var resident: (token: String, identity: CardIdentity, cardholder: Cardholder)?
    /// The card in the reader as read at its insertion, which the PIN is asked for, and the id of
    /// that insertion that the pages send back with the PIN.
    private var insertedCard: (identity: CardIdentity, insertion: String)?
    /// The token of the last session that rated its service: one rating a session.
    private var ratedToken: String?

    init(reader: String, cards: ResidentCardReader, events: EventHub, idleTimeout: TimeInterval, logger: Logger) {
        self.reader = reader
        self.cards = cards
        self.events = events
        self.logger = logger
        session = ResidentSession(idleTimeout: idleTimeout, warningPeriod: min(30, idleTimeout / 2))
    }

    /// What a page may know about the session: its state, never the person.
    struct Status: Codable, Sendable {
        var state: String
        var reader: String
        var triesLeft: Int?
        /// The insertion the PIN is asked for, to send back with it.
        var card: String?
    }

    /// A card is in the kiosk's reader and belongs to a session, open or waiting for its PIN:
    /// nothing else may talk to it.
    var holdsCard: Bool {
        if case .idle = session.state { false } else { true }
    }

    func status() -> Status {
        switch session.state {
        case .idle: Status(state: "idle", reader: reader)
        case .awaitingPIN(_, let tries):
            Status(
                state: "pin-required", reader: reader, triesLeft: tries >= 0 ? tries : nil,
                card: insertedCard?.insertion)
        case .active: Status(state: "active", reader: reader)
        case .blocked: Status(state: "pin-blocked", reader: reader, triesLeft: 0)
        }
    }

    // MARK: Events

    func handle(_ event: ReaderEvent) async {
        switch event {
        case .cardInserted(let reader, _) where reader == self.reader:
            insertedCard = nil
            let card: CardIdentity
            let tries: Int
            do {
                (card, tries) = try await cards.inspect(reader: reader)
                TerminalMetrics.cardRead(.identity)
            } catch {
                TerminalMetrics.cardRead(.identity, failedWith: error)
                logger.info("card inserted but not readable", metadata: ["error": "\(error)"])
                await events.publish(ServerEvent(type: "card-unreadable", reader: reader))
                return
            }
            let insertion = Tokens.make()
            insertedCard = (card, insertion)
            apply(session.handle(.cardInserted(reader: reader, triesLeft: tries)))
            await events.publish(
                ServerEvent(
                    type: tries == 0 ? "pin-blocked" : "pin-required", reader: reader, triesLeft: tries,
                    card: insertion))
        case .cardRemoved(let reader) where reader == self.reader:
            insertedCard = nil
            await end(session.handle(.cardRemoved(reader: reader)))
            await events.publish(ServerEvent(type: "card-removed", reader: reader))
        case .serviceLost:
            insertedCard = nil
            await end(session.handle(.cardRemoved(reader: reader)))
            await events.publish(ServerEvent(type: "reader-service-lost"))
        case .serviceRestored:
            await events.publish(ServerEvent(type: "reader-service-restored"))
        default:
            break
        }
    }

    /// Called every second: idle warnings, and the end of an idle session.
    func tick(at now: Date) async {
        for action in session.handle(.tick(at: now)) {
            switch action {
            case .warnIdle(let seconds): await events.publish(ServerEvent(type: "idle-warning", secondsLeft: seconds))
            case .forgetPerson: await end([action])
            }
        }
    }

    // MARK: The resident

    /// Checks the PIN on the card it was asked for (`insertion`, when the page names it); on
    /// success opens the session and returns its token. A card swapped in the meantime, before or
    /// during the check, is refused with ``SocialSecurityCardError/cardChanged`` and opens nothing.
    func submitPIN(_ pin: borrowing PIN, for insertion: String?, at now: Date) async throws
        -> (token: String, name: String)
    {
        guard case .awaitingPIN(let reader, _) = session.state, let card = insertedCard else {
            throw KioskError(
                code: "no-card", chinese: "请先插入社会保障卡。", english: "Insert the social security card first.",
                httpStatus: 409)
        }
        if let insertion, insertion != card.insertion { throw SocialSecurityCardError.cardChanged }
        do {
            let (identity, cardholder): (CardIdentity, Cardholder)
            do {
                (identity, cardholder) = try await cards.verify(pin, on: card.identity, reader: reader)
                TerminalMetrics.cardRead(.cardholder)
            } catch {
                TerminalMetrics.cardRead(.cardholder, failedWith: error)
                throw error
            }
            // The reader's events may have come in while the card was busy: the session opens only
            // if the card checked is still the one in the reader, waiting for its PIN.
            guard case .awaitingPIN = session.state, insertedCard?.insertion == card.insertion else {
                throw SocialSecurityCardError.cardChanged
            }
            apply(session.handle(.pinVerified(idNumber: cardholder.socialSecurityNumber.unmaskedValue, at: now)))
            let token = Tokens.make()
            resident = (token, identity, cardholder)
            await events.publish(ServerEvent(type: "session-started", reader: reader))
            return (token, cardholder.name)
        } catch let error as SocialSecurityCardError where error.triesLeft != nil || error == .pinBlocked {
            let tries = error.triesLeft ?? 0
            apply(session.handle(.pinRejected(triesLeft: tries)))
            await events.publish(
                ServerEvent(
                    type: tries == 0 ? "pin-blocked" : "pin-required", reader: reader, triesLeft: tries,
                    card: card.insertion))
            throw error
        }
    }

    /// The resident behind `token`, if their session is open; counts as activity.
    func principal(for token: String, at now: Date) -> Principal? {
        guard let resident, resident.token == token, let idNumber = session.idNumber else { return nil }
        apply(session.handle(.activity(at: now)))
        return .resident(idNumber: idNumber)
    }

    /// The card details the resident's own pages show.
    func card(for token: String) -> CardIdentity? {
        guard let resident, resident.token == token else { return nil }
        return resident.identity
    }

    func changePIN(token: String, from old: borrowing PIN, to new: borrowing PIN) async throws {
        guard let resident, resident.token == token else { throw KioskError.notSignedIn }
        try await cards.changePIN(from: old, to: new, on: resident.identity, reader: reader)
    }

    /// Takes the one rating of the session behind `token`: false when it has rated already.
    func claimRating(token: String) -> Bool {
        guard resident?.token == token, ratedToken != token else { return false }
        ratedToken = token
        return true
    }

    /// Gives the claim back when the rating could not be kept.
    func releaseRating(token: String) {
        if ratedToken == token { ratedToken = nil }
    }

    func exit(token: String) async {
        guard resident?.token == token else { return }
        await end(session.handle(.exit))
    }

    private func apply(_ actions: [ResidentSession.Action]) {
        if actions.contains(where: { if case .forgetPerson = $0 { true } else { false } }) { resident = nil }
    }

    private func end(_ actions: [ResidentSession.Action]) async {
        for case .forgetPerson(let reason) in actions {
            resident = nil
            await events.publish(ServerEvent(type: "session-ended", reason: reason.rawValue))
        }
    }
}

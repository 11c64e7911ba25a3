import Foundation
import KioskCore

/// The conflict rules of docs/SYNC.md, as one decision per command: given what the centre holds,
/// the write to make or the rule that refuses it. Pure, so both stores judge alike and the rules are
/// tested without a database.
enum CommandRules {
    static func decide(
        _ command: CentreCommand, baseVersion: Int?, facts: CommandFacts, terminal: RegisteredTerminal
    ) -> Result<CommandEffect, CommandRefusal> {
        let jurisdiction = terminal.jurisdiction
        switch command {
        case .submitApplication(let application):
            // First writer wins by id; the region is the centre's for people it knows.
            guard facts.application == nil else { return .failure(.applicationIDTaken) }
            var stored = application
            stored.regionCode = facts.holderRegion ?? application.regionCode
            guard jurisdiction.contains(stored.regionCode) else { return .failure(.outsideJurisdiction) }
            guard !facts.openDuplicate || !application.status.isOpen else { return .failure(.duplicateApplication) }
            return .success(.insertApplication(stored))

        case .moveApplication(let move):
            guard let current = facts.application else { return .failure(.unknownApplication) }
            guard jurisdiction.contains(current.application.regionCode) else { return .failure(.outsideJurisdiction) }
            guard baseVersion == current.version else { return .failure(.staleVersion) }
            var application = current.application
            do {
                try application.move(to: move.status, by: move.by, at: move.at)
            } catch {
                return .failure(.illegalMove(error))
            }
            return .success(.updateApplication(application, version: current.version + 1))

        case .requestCard(let card):
            guard facts.card == nil else { return .failure(.cardNumberTaken) }
            let region = facts.holderRegion ?? jurisdiction.regionPrefix
            guard jurisdiction.contains(region) else { return .failure(.outsideJurisdiction) }
            return .success(.insertCard(card, regionCode: region))

        case .moveCard(let move):
            guard let current = facts.card else { return .failure(.unknownCard) }
            guard jurisdiction.contains(current.regionCode) else { return .failure(.outsideJurisdiction) }
            var card = current.card
            if move.status == .lost {
                // A loss report wins whatever the card's state: it is recorded even where the
                // lifecycle has no edge to `lost`, so that the card stops working everywhere.
                card.status = .lost
                card.steps.append(CardRecord.Step(status: .lost, by: move.by, at: move.at))
            } else {
                // Lifting a loss (lost → active) stands only when made on the centre's current copy:
                // a terminal that had not seen the loss must not undo it.
                if current.card.status == .lost, move.status.isUsable, baseVersion != current.version {
                    return .failure(.cardLost)
                }
                do {
                    try card.move(to: move.status, by: move.by, at: move.at)
                } catch {
                    return .failure(.illegalMove(error))
                }
            }
            return .success(.updateCard(card, regionCode: current.regionCode))

        case .issueCertificate(let certificate):
            guard jurisdiction.contains(certificate.regionCode) else { return .failure(.outsideJurisdiction) }
            guard facts.certificate == nil else { return .failure(.certificateSerialTaken) }
            return .success(.insertCertificate(certificate))
        }
    }
}

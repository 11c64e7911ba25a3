import Foundation
import KioskCore

/// The conflict rules of docs/SYNC.md, as one decision per command: given what the centre holds,
/// the write to make or the rule that refuses it. Pure, so both stores judge alike and the rules are
/// tested without a database.
///
/// Access comes first in every decision: what the terminal may name at all (its own ids), then
/// whether the record lies in its jurisdiction, and only then what the centre holds ("taken",
/// "duplicate"). A record outside the jurisdiction is answered exactly like one the centre does not
/// have, so that no answer tells a terminal what exists beyond its area.
enum CommandRules {
    static func decide(
        _ command: CentreCommand, baseVersion: Int?, facts: CommandFacts, terminal: RegisteredTerminal
    ) -> Result<CommandEffect, CommandRefusal> {
        let jurisdiction = terminal.jurisdiction
        switch command {
        case .submitApplication(let application):
            guard Self.names(application.id, terminal) else { return .failure(.foreignID) }
            guard Self.isNew(application) else { return .failure(.applicationCreationState) }
            guard Self.startsWhereItMay(application, at: terminal, routes: facts.routes) else {
                return .failure(.routeSkipped)
            }
            // The region is the centre's: a person it does not know is no one of this jurisdiction.
            guard let region = facts.holderRegion, jurisdiction.contains(region) else {
                return .failure(.outsideJurisdiction)
            }
            // First writer wins by id.
            guard facts.application == nil else { return .failure(.applicationIDTaken) }
            guard !facts.openDuplicate || !application.status.isOpen else { return .failure(.duplicateApplication) }
            var stored = application
            stored.regionCode = region
            return .success(.insertApplication(stored))

        case .moveApplication(let move):
            guard let current = facts.application, jurisdiction.contains(current.application.regionCode) else {
                return .failure(.unknownApplication)
            }
            guard baseVersion == current.version else { return .failure(.staleVersion) }
            var application = current.application
            let level = ServiceLevel(jurisdiction)
            guard level >= application.level else {
                return .failure(.illegalMove(.levelBelowStep(level, step: application.level)))
            }
            do {
                if let action = move.action, let account = facts.staff {
                    // A member the centre administers is judged as the desk judges them: role,
                    // jurisdiction and level, then the case's own rules.
                    guard !account.isDisabled else { return .failure(.moverDisabled) }
                    guard let member = account.terminalAccount(serving: jurisdiction)?.member else {
                        return .failure(.unknownStaff)
                    }
                    application = try CaseRules.apply(
                        action, to: application, by: .staff(member), at: move.at, rejection: move.rejection,
                        handOverTo: move.owner, calendar: facts.calendar, adoptingUntaken: true)
                } else if let action = move.action {
                    try application.apply(
                        action, by: move.by, at: move.at, rejection: move.rejection, handOverTo: move.owner,
                        calendar: facts.calendar, adoptingUntaken: true)
                } else {
                    try application.move(to: move.status, by: move.by, at: move.at, calendar: facts.calendar)
                }
            } catch {
                return .failure(.illegalMove(error))
            }
            // The terminal said where its action left the case; the centre's replay must agree.
            guard application.status == move.status else { return .failure(.moveDisagrees) }
            return .success(.updateApplication(application, version: current.version + 1))

        case .requestCard(let card):
            guard Self.isNew(card) else { return .failure(.cardCreationState) }
            guard let region = facts.holderRegion, jurisdiction.contains(region) else {
                return .failure(.outsideJurisdiction)
            }
            // Card numbers are the nation's, not the terminal's: a number in use anywhere is taken.
            guard facts.card == nil else { return .failure(.cardNumberTaken) }
            return .success(.insertCard(card, regionCode: region))

        case .moveCard(let move):
            guard let current = facts.card, jurisdiction.contains(current.regionCode) else {
                return .failure(.unknownCard)
            }
            var card = current.card
            if move.status == .lost {
                // A loss report wins whatever the card's state: it is recorded even where the
                // lifecycle has no edge to `lost`, so that the card stops working everywhere. A card
                // replaced or cancelled works nowhere already; made lost, a lifted loss would bring
                // it back.
                if current.card.status == .replaced || current.card.status == .cancelled {
                    return .failure(.cardClosed)
                }
                card.status = .lost
                card.steps.append(CardRecord.Step(status: .lost, by: move.by, at: move.at))
            } else {
                // Lifting a loss (lost → active) stands only when made on the centre's current copy:
                // a terminal that had not seen the loss must not undo it.
                if current.card.status == .lost, move.status.isUsable, baseVersion != current.version {
                    return .failure(.cardLost)
                }
                do {
                    try card.checkTwoPeople(moving: move.status, by: move.by)
                    try card.move(to: move.status, by: move.by, at: move.at)
                } catch {
                    return .failure(.illegalMove(error))
                }
            }
            return .success(.updateCard(card, regionCode: current.regionCode))

        case .issueCertificate(let certificate):
            guard Self.names(certificate.serial, terminal) else { return .failure(.foreignID) }
            guard jurisdiction.contains(certificate.regionCode) else { return .failure(.outsideJurisdiction) }
            guard facts.certificate == nil else { return .failure(.certificateSerialTaken) }
            return .success(.insertCertificate(certificate))

        case .keepCardPhoto(let photo):
            guard let current = facts.card, jurisdiction.contains(current.regionCode) else {
                return .failure(.unknownCard)
            }
            guard [.applied, .inProduction, .readyAtDesk].contains(current.card.status) else {
                return .failure(.illegalMove(.photoTooLate))
            }
            guard !photo.jpeg.isEmpty, photo.jpeg.count <= CardPhotoPayload.maximumBytes else {
                return .failure(.malformedPayload)
            }
            return .success(
                .keepCardPhoto(
                    StoredCardPhoto(cardNumber: photo.cardNumber, jpeg: photo.jpeg, keptBy: photo.by, keptAt: photo.at))
            )

        case .recordRetireeCheck(let payload):
            guard let region = facts.holderRegion, jurisdiction.contains(region), var check = facts.retireeCheck else {
                return .failure(.notARetiree)
            }
            guard let entry = payload.entry else { return .failure(.malformedPayload) }
            do {
                try check.record(entry, at: ServiceLevel(jurisdiction))
            } catch {
                return .failure(.illegalMove(error))
            }
            return .success(.updateRetireeCheck(check))

        case .recordJobSeeker(let payload):
            // A person the centre does not know is no one of this jurisdiction.
            guard let region = facts.holderRegion, jurisdiction.contains(region) else {
                return .failure(.outsideJurisdiction)
            }
            guard let entry = payload.entry else { return .failure(.malformedPayload) }
            if case .registration(let registration) = entry {
                guard Self.names(payload.id, terminal) else { return .failure(.foreignID) }
                guard facts.jobSeeker == nil else { return .failure(.jobSeekerIDTaken) }
                guard !facts.personsJobSeekers.contains(where: \.isOpen) else {
                    return .failure(.illegalMove(.alreadyRegistered))
                }
                return .success(
                    .keepJobSeeker(JobSeeker(id: payload.id, idNumber: payload.idNumber, registration: registration)))
            }
            guard var jobSeeker = facts.jobSeeker, jobSeeker.idNumber == payload.idNumber else {
                return .failure(.illegalMove(.notAJobSeeker))
            }
            do {
                try jobSeeker.record(entry)
            } catch {
                return .failure(.illegalMove(error))
            }
            return .success(.keepJobSeeker(jobSeeker))

        case .publishJobPosting(let posting):
            if let refusal = Self.publishing(
                posting.id, at: posting.regionCode, over: facts.jobPosting?.regionCode, by: terminal)
            {
                return .failure(refusal)
            }
            guard posting.skills.count <= JobPosting.maximumSkills,
                posting.monthlyWageFromFen <= posting.monthlyWageToFen
            else { return .failure(.malformedPayload) }
            return .success(.keepJobPosting(posting))

        case .publishTrainingCourse(let course):
            if let refusal = Self.publishing(
                course.id, at: course.regionCode, over: facts.trainingCourse?.regionCode, by: terminal)
            {
                return .failure(refusal)
            }
            guard course.seats > 0, course.startsOn <= course.endsOn else { return .failure(.malformedPayload) }
            return .success(.keepTrainingCourse(course))

        case .recordAppointment(let payload):
            guard let entry = payload.entry else { return .failure(.malformedPayload) }
            if case .booking(let booking) = entry {
                guard Self.names(booking.id, terminal), booking.id == payload.id else { return .failure(.foreignID) }
                guard jurisdiction.contains(booking.regionCode), let region = facts.holderRegion,
                    jurisdiction.contains(region)
                else { return .failure(.outsideJurisdiction) }
                guard facts.appointment == nil else { return .failure(.appointmentIDTaken) }
                guard booking.isOpen, booking.slot.map(Appointment.slots.contains) ?? (booking.kind == .homeVisit)
                else {
                    return .failure(.malformedPayload)
                }
                guard booking.slot == nil || facts.slotBookings < Appointment.perSlot else {
                    return .failure(.slotFull)
                }
                return .success(.keepAppointment(booking))
            }
            guard var appointment = facts.appointment, jurisdiction.contains(appointment.regionCode) else {
                return .failure(.unknownAppointment)
            }
            do {
                try appointment.record(entry)
            } catch {
                return .failure(.illegalMove(error))
            }
            return .success(.keepAppointment(appointment))

        case .recordDispute(let payload):
            guard let entry = payload.entry else { return .failure(.malformedPayload) }
            if case .intake(let dispute) = entry {
                guard Self.names(dispute.id, terminal), dispute.id == payload.id else { return .failure(.foreignID) }
                guard jurisdiction.contains(dispute.regionCode) else { return .failure(.outsideJurisdiction) }
                guard facts.dispute == nil else { return .failure(.disputeIDTaken) }
                guard dispute.decision == nil, dispute.sessions.isEmpty, dispute.outcome == nil,
                    dispute.owner == dispute.receivedBy
                else { return .failure(.malformedPayload) }
                return .success(.keepDispute(dispute))
            }
            guard var dispute = facts.dispute, jurisdiction.contains(dispute.regionCode) else {
                return .failure(.unknownDispute)
            }
            do {
                try dispute.record(entry)
            } catch {
                return .failure(.illegalMove(error))
            }
            return .success(.keepDispute(dispute))

        case .recordRating(let rating):
            guard Self.names(rating.id, terminal) else { return .failure(.foreignID) }
            guard jurisdiction.contains(rating.regionCode) else { return .failure(.outsideJurisdiction) }
            guard !facts.ratingTaken else { return .failure(.ratingIDTaken) }
            guard (rating.reason?.count ?? 0) <= SatisfactionRating.maximumReason else {
                return .failure(.malformedPayload)
            }
            return .success(.insertRating(rating))

        case .changeStaffPassword(let change):
            guard var account = facts.staff, account.terminalAccount(serving: jurisdiction) != nil else {
                return .failure(.unknownStaff)
            }
            guard !account.isDisabled else { return .failure(.staffDisabled) }
            let password = PasswordHash(encoded: change.passwordHash)
            guard password.isWellFormed else { return .failure(.malformedPasswordHash) }
            account.password = password
            account.mustChangePassword = false
            return .success(.updateStaff(account))
        }
    }

    /// Whether an application is as a terminal may create one: submitted, or flagged for a
    /// supervisor as a possible duplicate, and nothing decided yet.
    static func isNew(_ application: Application) -> Bool {
        [.submitted, .needsReview].contains(application.status) && application.approvedBy == nil
            && application.completedAt == nil && application.clockStoppedAt == nil
    }

    /// Whether a new application is on a route that ends where the centre's route for its service
    /// decides, and starts past no step of the terminal's own level or above: a township's terminal
    /// skips the village's check, a village's terminal does not.
    static func startsWhereItMay(_ application: Application, at terminal: RegisteredTerminal, routes: ServiceRoutes)
        -> Bool
    {
        let level = ServiceLevel(terminal.jurisdiction)
        return application.decidingLevel == routes.route(for: application.kind).decidingLevel
            && application.route[..<application.step].allSatisfy { $0.level < level }
            && ServiceRoute(kind: application.kind, steps: application.route).problems.isEmpty
    }

    /// Whether a card is as a request creates one: applied for, that one step, no chip yet.
    static func isNew(_ card: CardRecord) -> Bool {
        card.status == .applied && card.cardIdentifier == nil && card.steps.map(\.status) == [.applied]
    }

    /// Why a record published for an area (a job posting, a course) is refused, or nil: a new one
    /// is the terminal's own, one the centre holds (at `current`) may be changed by any terminal whose
    /// area holds it, and either lies in the terminal's jurisdiction.
    static func publishing(_ id: String, at region: String, over current: String?, by terminal: RegisteredTerminal)
        -> CommandRefusal?
    {
        if let current {
            guard terminal.jurisdiction.contains(current) else { return .outsideJurisdiction }
        } else {
            guard names(id, terminal) else { return .foreignID }
        }
        return terminal.jurisdiction.contains(region) ? nil : .outsideJurisdiction
    }

    /// Whether `id` is one the terminal may give a new record: application ids and document serials
    /// begin with the terminal's own id, so "taken" can only ever be about the terminal's own records.
    static func names(_ id: String, _ terminal: RegisteredTerminal) -> Bool {
        id.hasPrefix(terminal.id + "-")
    }
}

import Foundation
import KioskCore

/// A person moved to another region with every row terminals keep of them. Each row is written
/// again under a new change number, so that the terminals of the new region pull it, and a removal
/// tells those of the old region to forget them.
struct PersonMove: Sendable {
    let person: Person
    let enrolments: [Enrolment]
    let contributions: [Contribution]
    let pensionPayments: [PensionPayment]
    let retireeChecks: [RetireeCheck]
    let jobSeekers: [JobSeeker]
    let cards: [StoredCard]
    let removal: StoredRemoval

    init(
        _ person: Person, to region: String, enrolments: [Enrolment], contributions: [Contribution],
        pensionPayments: [PensionPayment], retireeChecks: [RetireeCheck], jobSeekers: [JobSeeker],
        cards: [StoredCard], at now: Date
    ) {
        var moved = person
        moved.regionCode = region
        self.person = moved
        self.enrolments = enrolments
        self.contributions = contributions
        self.pensionPayments = pensionPayments
        self.retireeChecks = retireeChecks
        self.jobSeekers = jobSeekers
        self.cards = cards.map { StoredCard(card: $0.card, regionCode: region) }
        removal = StoredRemoval(
            record: .person(idNumber: person.idNumber), regionCode: person.regionCode, movedTo: region, removedAt: now)
    }

    /// The change numbers the move takes: one a row, and one for the removal.
    var changeCount: Int {
        2 + enrolments.count + contributions.count + pensionPayments.count + retireeChecks.count
            + jobSeekers.count
            + cards.count
    }
}

import KioskCore
import Vocabulary

/// A value the API answers with that carries ID numbers. ``JSONBody`` sends such values
/// ``masked`` (`4301**********1234`, as the desk and the kiosk show them), whatever the route: the
/// full number leaves the service only through the audited read of
/// `POST /api/cards/{cardNumber}/id-number`, for a stated purpose.
protocol IDNumberMasking {
    /// The same value, each ID number in it masked.
    var masked: Self { get }
}

/// A record of one person, keyed by their ID number.
protocol PersonRecord: IDNumberMasking {
    var idNumber: String { get set }
}

extension PersonRecord {
    var masked: Self {
        var copy = self
        copy.idNumber = MaskedIDNumber(idNumber).text
        return copy
    }
}

extension Person: PersonRecord {}
extension Enrolment: PersonRecord {}
extension PensionPayment: PersonRecord {}
extension Contribution: PersonRecord {}
extension Application: PersonRecord {}
extension CardRecord: PersonRecord {}

extension Array: IDNumberMasking where Element: IDNumberMasking {
    var masked: Self { map(\.masked) }
}

extension CaseFile: IDNumberMasking {
    var masked: Self {
        CaseFile(
            application: application.masked, person: person.masked, history: history, offers: offers, overdue: overdue,
            stepOverdue: stepOverdue, dueSoon: dueSoon)
    }
}

extension PersonSummary: IDNumberMasking {
    var masked: Self {
        PersonSummary(
            person: person.masked, enrolments: enrolments.masked, cards: cards.masked,
            openApplications: openApplications.masked, asOf: asOf)
    }
}

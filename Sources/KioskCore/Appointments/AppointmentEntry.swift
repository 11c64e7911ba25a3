import Foundation

/// One thing recorded on an appointment, as the terminal records it and the centre replays it.
public enum AppointmentEntry: Hashable, Sendable {
    case booking(Appointment)
    /// A home visit given to a clerk: who, by whom, when.
    case assignment(to: String, by: String, at: Date)
    case outcome(AppointmentOutcome)
    case cancellation(by: String, at: Date)

    public var actionName: String {
        switch self {
        case .booking: "appointment.book"
        case .assignment: "appointment.assign"
        case .outcome: "appointment.outcome"
        case .cancellation: "appointment.cancel"
        }
    }

    /// The ledger's detail: never who the resident is or what they said.
    public var ledgerDetail: String {
        switch self {
        case .booking(let appointment):
            "kind=\(appointment.kind.rawValue) service=\(appointment.service.rawValue) day=\(appointment.day)"
                + (appointment.slot.map { " slot=\($0)" } ?? "")
        case .assignment(let clerk, _, _): "to=\(clerk)"
        case .outcome(let outcome): "result=\(outcome.result.rawValue)"
        case .cancellation: "cancelled"
        }
    }
}

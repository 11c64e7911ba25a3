import Foundation
import KioskCore

/// An appointment as the kiosk and the desk show it: what was booked and where it stands, said in
/// words; the name only on the desk's calendar.
struct AppointmentJSON: Encodable, PersonRecord {
    var id: String
    var idNumber: String
    var name: String?
    var service: ApplicationKind
    var serviceName: String
    var kind: Appointment.Kind
    var day: String
    var slot: String?
    var reason: Appointment.HomeVisitReason?
    var reasonName: String?
    var phone: String?
    var note: String?
    var channel: Appointment.Channel
    var bookedBy: String
    var at: Date
    var assignedTo: String?
    var outcome: AppointmentOutcome?
    var cancelledAt: Date?
    /// booked, assigned, cancelled, or the outcome's result.
    var state: String
    var stateName: String

    init(_ appointment: Appointment, name: String? = nil) {
        id = appointment.id
        idNumber = appointment.idNumber
        self.name = name
        service = appointment.service
        serviceName = appointment.service.chineseName
        kind = appointment.kind
        day = appointment.day
        slot = appointment.slot
        reason = appointment.reason
        reasonName = appointment.reason?.chineseName
        phone = appointment.phone
        note = appointment.note
        channel = appointment.channel
        bookedBy = appointment.bookedBy
        at = appointment.at
        assignedTo = appointment.assignedTo
        outcome = appointment.outcome
        cancelledAt = appointment.cancelledAt
        switch (appointment.cancelledAt, appointment.outcome, appointment.assignedTo) {
        case (.some, _, _): (state, stateName) = ("cancelled", "已取消")
        case (nil, let outcome?, _): (state, stateName) = (outcome.result.rawValue, outcome.result.chineseName)
        case (nil, nil, .some): (state, stateName) = ("assigned", "已指派")
        case (nil, nil, nil): (state, stateName) = ("booked", "已预约")
        }
    }
}

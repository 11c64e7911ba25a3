import Foundation

/// The payload of `appointment.entry`: the appointment's id and exactly one entry, for the centre
/// to replay with the same rules. A booking carries the appointment whole.
public struct AppointmentPayload: Codable, Hashable, Sendable {
    public var id: String
    public var booking: Appointment?
    public var assignedTo: String?
    public var outcome: AppointmentOutcome?
    public var cancelled: Bool?
    public var by: String
    public var at: Date

    public init(id: String, entry: AppointmentEntry, by: String, at: Date) {
        self.id = id
        self.by = by
        self.at = at
        switch entry {
        case .booking(let appointment): booking = appointment
        case .assignment(let clerk, _, _): assignedTo = clerk
        case .outcome(let outcome): self.outcome = outcome
        case .cancellation: cancelled = true
        }
    }

    /// The entry, or nil when the payload sets none or more than one.
    public var entry: AppointmentEntry? {
        let entries: [AppointmentEntry] = [
            booking.map(AppointmentEntry.booking), assignedTo.map { .assignment(to: $0, by: by, at: at) },
            outcome.map(AppointmentEntry.outcome), cancelled == true ? .cancellation(by: by, at: at) : nil,
        ].compactMap { $0 }
        return entries.count == 1 ? entries[0] : nil
    }
}

/// A line of the desk's calendar: the appointment with the name of whom it is for.
public struct AppointmentLine: Hashable, Sendable {
    public var appointment: Appointment
    public var name: String

    public init(appointment: Appointment, name: String) {
        self.appointment = appointment
        self.name = name
    }
}

/// A hall's half-hour slot of a day, whose open bookings a new one is counted against.
struct SlotKey: Hashable, Sendable {
    let regionCode: String
    let day: String
    let slot: String
}

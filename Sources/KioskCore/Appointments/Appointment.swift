import Foundation

/// A resident's appointment (预约受理): a half-hour slot at the hall for a service, booked at the
/// kiosk or by a clerk taking a call, or a home visit (上门服务) for someone elderly, disabled or ill,
/// assigned to a clerk. What became of it is kept: attended or not, served at home or not, cancelled.
public struct Appointment: Codable, Hashable, Sendable {
    /// The terminal's id and a number of its own: unique across terminals.
    public var id: String
    public var idNumber: String
    public var service: ApplicationKind
    /// The hall's area: the jurisdiction of the terminal that booked it, whose terminals all see it.
    public var regionCode: String
    public var kind: Kind
    /// The day ("YYYY-MM-DD").
    public var day: String
    /// The hall slot's start ("09:00"); nil for a home visit.
    public var slot: String?
    /// Why the person cannot come; only for a home visit.
    public var reason: HomeVisitReason?
    public var phone: String?
    public var note: String?
    public var channel: Channel
    /// `card` for the resident at the kiosk, else the staff id.
    public var bookedBy: String
    public var at: Date
    /// The clerk a home visit is assigned to.
    public var assignedTo: String?
    public var outcome: AppointmentOutcome?
    public var cancelledAt: Date?

    public init(
        id: String, idNumber: String, service: ApplicationKind, regionCode: String, kind: Kind, day: String,
        slot: String?, reason: HomeVisitReason?, phone: String?, note: String?, channel: Channel, bookedBy: String,
        at: Date, assignedTo: String? = nil, outcome: AppointmentOutcome? = nil, cancelledAt: Date? = nil
    ) {
        self.id = id
        self.idNumber = idNumber
        self.service = service
        self.regionCode = regionCode
        self.kind = kind
        self.day = day
        self.slot = slot
        self.reason = reason
        self.phone = phone
        self.note = note
        self.channel = channel
        self.bookedBy = bookedBy
        self.at = at
        self.assignedTo = assignedTo
        self.outcome = outcome
        self.cancelledAt = cancelledAt
    }

    /// Whether it still takes a place or a clerk's time.
    public var isOpen: Bool { outcome == nil && cancelledAt == nil }

    /// The hall's half-hour slots: mornings 09:00–11:30, afternoons 14:00–16:30.
    public static let slots = [
        "09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "14:00", "14:30", "15:00",
        "15:30", "16:00", "16:30",
    ]
    /// Residents one slot takes.
    public static let perSlot = 2
    /// How far ahead one may book, in days.
    public static let daysAhead = 14

    /// Records `entry` as the rules allow it: an assignment only of a home visit, nothing on one
    /// done or cancelled, and an outcome that fits the kind.
    public mutating func record(_ entry: AppointmentEntry) throws(KioskError) {
        guard isOpen else { throw .appointmentClosed }
        switch entry {
        case .booking: throw .appointmentIDTaken
        case .assignment(let clerk, _, _):
            guard kind == .homeVisit else { throw .notAHomeVisit }
            assignedTo = clerk
        case .outcome(let outcome):
            guard outcome.result.fits(kind) else { throw .outcomeMismatch }
            self.outcome = outcome
        case .cancellation(_, let at):
            cancelledAt = at
        }
    }

    public enum Kind: String, Codable, CaseIterable, Hashable, Sendable {
        case hall
        case homeVisit = "home-visit"
    }

    public enum Channel: String, Codable, CaseIterable, Hashable, Sendable {
        case kiosk
        /// A clerk booked it taking the resident's call.
        case phone
        case desk
    }

    public enum HomeVisitReason: String, Codable, CaseIterable, Hashable, Sendable {
        case elderly
        case disabled
        case ill

        public var chineseName: String {
            switch self {
            case .elderly: "高龄老人"
            case .disabled: "残疾人"
            case .ill: "重病卧床"
            }
        }
    }
}

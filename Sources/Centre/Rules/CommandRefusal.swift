import KioskCore

/// Why a command was refused, for the supervisor who settles it at the terminal: which rule, and
/// nothing about the person (no names, no ID or card numbers).
struct CommandRefusal: Error, Hashable, Sendable {
    let code: String
    let message: String

    /// The text of ``SyncCommandResult/reason``: the rule's code first, for the terminal to branch on.
    var reason: String { "\(code): \(message)" }

    static let malformedPayload = Self(
        code: "malformed-payload",
        message:
            "the payload does not decode as its command kind; the terminal's software may be newer than the centre's")
    static let foreignID = Self(
        code: "foreign-id",
        message: "the id does not begin with this terminal's id: a terminal names only the records it makes")
    /// Also the answer for a person the centre does not know, so that it tells nothing of who is elsewhere.
    static let outsideJurisdiction = Self(
        code: "outside-jurisdiction",
        message: "the record does not lie in this terminal's jurisdiction as the centre knows it")
    static let applicationIDTaken = Self(
        code: "application-id-taken",
        message: "another command already created an application with this id (first writer wins)")
    static let duplicateApplication = Self(
        code: "duplicate-application",
        message: "the person already has an open application for this service; a supervisor must settle which stands")
    /// Also the answer for an application outside the jurisdiction: the terminal learns nothing of it.
    static let unknownApplication = Self(
        code: "unknown-application",
        message: "the centre has no application with this id in this terminal's jurisdiction")
    static let staleVersion = Self(
        code: "stale-version",
        message: "the record changed at the centre since the terminal's copy; pull and decide again")
    static let cardNumberTaken = Self(
        code: "card-number-taken", message: "the centre already has a card with this number")
    /// Also the answer for a card outside the jurisdiction.
    static let unknownCard = Self(
        code: "unknown-card", message: "the centre has no card with this number in this terminal's jurisdiction")
    /// A record a terminal creates starts where its lifecycle starts: an application submitted (or
    /// sent to a supervisor as a possible duplicate), a card applied for. Every later step is a
    /// move of its own, checked as one.
    static let applicationCreationState = Self(
        code: "creation-state",
        message:
            "an application arrives as submitted (or needs-review), with no approver, completion or stopped clock; "
            + "approve or complete it with a move of its own")
    static let cardCreationState = Self(
        code: "creation-state",
        message:
            "a card request arrives as applied, with its one applied step and no chip; "
            + "each later step is a move of its own")
    static let routeSkipped = Self(
        code: "route-skipped",
        message:
            "the application's route does not end at the level the centre's route decides at, or it starts past "
            + "a step of this terminal's own level or above; file it at its first step here")
    static let moveDisagrees = Self(
        code: "move-disagrees",
        message:
            "the centre's replay of the case action does not end at the status the terminal sent; pull and act again")
    static let certificateSerialTaken = Self(
        code: "certificate-serial-taken",
        message: "the centre already registered a document under this serial (first writer wins)")
    static let cardLost = Self(
        code: "card-lost",
        message: "the centre has this card reported lost; a move that keeps it usable is refused (a loss report wins)")
    static let cardClosed = Self(
        code: "card-closed",
        message:
            "the centre has this card replaced or cancelled: it works nowhere already, and a loss report must not reopen it"
    )

    /// Also the answer for an account that does not work inside this terminal's jurisdiction.
    static let unknownStaff = Self(
        code: "unknown-staff",
        message: "the centre administers no account with this id that works at this terminal")
    static let staffDisabled = Self(
        code: "staff-disabled", message: "the account is disabled at the centre; its password is not changed")
    static let moverDisabled = Self(
        code: "staff-disabled",
        message: "the account that made the move is disabled at the centre; the move is not applied")
    static let ratingIDTaken = Self(
        code: "rating-id-taken", message: "another command already recorded a rating with this id (first writer wins)")
    static let jobSeekerIDTaken = Self(
        code: "job-seeker-id-taken",
        message: "another command already registered a job seeker with this id (first writer wins)")
    static let appointmentIDTaken = Self(
        code: "appointment-id-taken",
        message: "another command already booked an appointment with this id (first writer wins)")
    static let slotFull = Self(
        code: "slot-full", message: "the hall slot has as many open bookings as it takes; the booking is not kept")
    /// Also the answer for an appointment outside the jurisdiction.
    static let unknownAppointment = Self(
        code: "unknown-appointment",
        message: "the centre has no appointment with this id in this terminal's jurisdiction")
    static let disputeIDTaken = Self(
        code: "dispute-id-taken", message: "another command already took a case with this id (first writer wins)")
    /// Also the answer for a case outside the jurisdiction.
    static let unknownDispute = Self(
        code: "unknown-dispute",
        message: "the centre has no labour dispute with this id in this terminal's jurisdiction")
    /// Also the answer for a check outside the jurisdiction.
    static let notARetiree = Self(
        code: "not-a-retiree",
        message: "the centre published no qualification check of this year for this person in this jurisdiction")
    static let malformedPasswordHash = Self(
        code: "malformed-password-hash", message: "the password hash is not a scrypt hash this centre accepts")

    /// A move the domain forbids (an illegal transition, the clerk who took it approving it): the
    /// domain's own code and words, which name statuses and never people.
    static func illegalMove(_ error: KioskError) -> Self { Self(code: error.code, message: error.message) }
}

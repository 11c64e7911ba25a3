/// The business commands a terminal sends the centre, named as the outbox and the ledger name them.
/// Names carry no personal data; payloads may (they go only to the centre).
public enum SyncCommandKind: String, Codable, Hashable, Sendable {
    /// Payload: the ``Application`` as submitted. First writer wins by application id.
    case applicationSubmit = "application.submit"
    /// Payload: ``ApplicationMovePayload``, checked against the entry's base version.
    case applicationMove = "application.move"
    /// Payload: the ``CardRecord`` as requested.
    case cardRequest = "card.request"
    /// Payload: ``CardMovePayload``. A move to `lost` always wins.
    case cardMove = "card.move"
    /// Payload: the ``SignedCertificate`` of a document printed with a QR code. First writer wins
    /// by serial.
    case certificateIssue = "certificate.issue"
    /// Payload: ``StaffPasswordPayload``: the password a member of the centre's staff chose at this
    /// terminal. Sent only for accounts that came from the centre.
    case staffPassword = "staff.password"
    /// Payload: ``CardPhotoPayload``: the photo kept for a card request, for production. The last
    /// kept wins while the card is still to be made or issued.
    case cardPhoto = "card.photo"
    /// Payload: ``RetireeCheckPayload``: a certification, a reported death or move, or the county's
    /// suspension, replayed on the centre's copy of the check with the same rules.
    case retireeCheck = "retiree.check"
    /// Payload: ``SatisfactionRating``: a resident's rating of a service, for the county's figures.
    /// First writer wins by id.
    case satisfactionRating = "satisfaction.rating"
    /// Payload: ``JobSeekerPayload``: a registration on the employment register, or a follow-up,
    /// referral or closing replayed on the centre's copy with the same rules.
    case jobSeeker = "jobseeker.entry"
    /// Payload: the ``JobPosting`` a township's or county's staff posted or took down, kept whole
    /// and sent to the terminals of its area.
    case jobPosting = "jobposting.publish"
    /// Payload: the ``TrainingCourse`` a township's or county's staff posted or closed, kept whole
    /// and sent to the terminals of its area.
    case trainingCourse = "training.course"
    /// Payload: ``AppointmentPayload``: a booking, an assignment, an outcome or a cancellation,
    /// replayed on the centre's copy with the same rules; the centre counts a slot's bookings.
    case appointment = "appointment.entry"
    /// Payload: ``DisputePayload``: a labour dispute's or petition's intake, decision, session,
    /// extension, hand-over or outcome, replayed on the centre's copy with the same rules.
    case dispute = "dispute.entry"

    /// Ordinary commands drain in the order they were made.
    public static let normalPriority = 0
    /// A loss report goes before anything else: until the centre has it, a lost card still works
    /// elsewhere.
    public static let lossReportPriority = 10

    public static func priority(for kind: ApplicationKind) -> Int {
        kind == .lossReport ? lossReportPriority : normalPriority
    }

    public static func priority(forCardMoveTo status: CardStatus) -> Int {
        status == .lost ? lossReportPriority : normalPriority
    }
}

import KioskCore

/// A ``SyncCommand`` with its payload decoded: what the terminal asks the centre to do.
enum CentreCommand: Sendable {
    case submitApplication(Application)
    case moveApplication(ApplicationMovePayload)
    case requestCard(CardRecord)
    case moveCard(CardMovePayload)
    case issueCertificate(SignedCertificate)
    case changeStaffPassword(StaffPasswordPayload)
    case keepCardPhoto(CardPhotoPayload)
    case recordRetireeCheck(RetireeCheckPayload)
    case recordRating(SatisfactionRating)
    case recordJobSeeker(JobSeekerPayload)
    case publishJobPosting(JobPosting)
    case publishTrainingCourse(TrainingCourse)
    case recordAppointment(AppointmentPayload)
    case recordDispute(DisputePayload)

    /// Nil when the payload is not what the kind says: the command is refused, not retried.
    init?(_ command: SyncCommand) {
        let decoder = SyncJSON.decoder()
        switch command.kind {
        case .applicationSubmit:
            guard let value = try? decoder.decode(Application.self, from: command.payload) else { return nil }
            self = .submitApplication(value)
        case .applicationMove:
            guard let value = try? decoder.decode(ApplicationMovePayload.self, from: command.payload) else {
                return nil
            }
            self = .moveApplication(value)
        case .cardRequest:
            guard let value = try? decoder.decode(CardRecord.self, from: command.payload) else { return nil }
            self = .requestCard(value)
        case .cardMove:
            guard let value = try? decoder.decode(CardMovePayload.self, from: command.payload) else { return nil }
            self = .moveCard(value)
        case .certificateIssue:
            guard let value = try? decoder.decode(SignedCertificate.self, from: command.payload) else { return nil }
            self = .issueCertificate(value)
        case .staffPassword:
            guard let value = try? decoder.decode(StaffPasswordPayload.self, from: command.payload) else { return nil }
            self = .changeStaffPassword(value)
        case .cardPhoto:
            guard let value = try? decoder.decode(CardPhotoPayload.self, from: command.payload) else { return nil }
            self = .keepCardPhoto(value)
        case .retireeCheck:
            guard let value = try? decoder.decode(RetireeCheckPayload.self, from: command.payload) else { return nil }
            self = .recordRetireeCheck(value)
        case .satisfactionRating:
            guard let value = try? decoder.decode(SatisfactionRating.self, from: command.payload) else { return nil }
            self = .recordRating(value)
        case .jobSeeker:
            guard let value = try? decoder.decode(JobSeekerPayload.self, from: command.payload) else { return nil }
            self = .recordJobSeeker(value)
        case .jobPosting:
            guard let value = try? decoder.decode(JobPosting.self, from: command.payload) else { return nil }
            self = .publishJobPosting(value)
        case .trainingCourse:
            guard let value = try? decoder.decode(TrainingCourse.self, from: command.payload) else { return nil }
            self = .publishTrainingCourse(value)
        case .appointment:
            guard let value = try? decoder.decode(AppointmentPayload.self, from: command.payload) else { return nil }
            self = .recordAppointment(value)
        case .dispute:
            guard let value = try? decoder.decode(DisputePayload.self, from: command.payload) else { return nil }
            self = .recordDispute(value)
        }
    }

    /// The application the command is about, to look up.
    var applicationID: String? {
        switch self {
        case .submitApplication(let application): application.id
        case .moveApplication(let move): move.id
        case .requestCard, .moveCard, .issueCertificate, .changeStaffPassword, .keepCardPhoto, .recordRetireeCheck,
            .recordRating, .recordJobSeeker, .publishJobPosting,
            .publishTrainingCourse, .recordAppointment, .recordDispute:
            nil
        }
    }

    /// The person and service whose open applications a submission is checked against.
    var openApplicationQuery: (idNumber: String, kind: ApplicationKind, excluding: String)? {
        guard case .submitApplication(let application) = self else { return nil }
        return (application.idNumber, application.kind, application.id)
    }

    /// The person whose region places a new record.
    var holder: String? {
        switch self {
        case .submitApplication(let application): application.idNumber
        case .requestCard(let card): card.idNumber
        case .recordRetireeCheck(let entry): entry.idNumber
        case .recordJobSeeker(let entry): entry.idNumber
        case .recordAppointment(let entry): entry.booking?.idNumber
        case .moveApplication, .moveCard, .issueCertificate, .changeStaffPassword, .keepCardPhoto, .recordRating,
            .publishJobPosting, .publishTrainingCourse,
            .recordAppointment, .recordDispute:
            nil
        }
    }

    /// The card the command is about, to look up.
    var cardNumber: String? {
        switch self {
        case .requestCard(let card): card.cardNumber
        case .moveCard(let move): move.cardNumber
        case .keepCardPhoto(let photo): photo.cardNumber
        case .submitApplication, .moveApplication, .issueCertificate, .changeStaffPassword, .recordRetireeCheck,
            .recordRating, .recordJobSeeker, .publishJobPosting,
            .publishTrainingCourse, .recordAppointment, .recordDispute:
            nil
        }
    }

    /// The certificate serial the command registers, to look up.
    var certificateSerial: String? {
        guard case .issueCertificate(let certificate) = self else { return nil }
        return certificate.serial
    }

    /// Whether the command moves an application, whose clock may run again on the working calendar.
    var movesAnApplication: Bool {
        guard case .moveApplication = self else { return false }
        return true
    }

    /// The staff account the command names, to look up: whose password changes, or who moved an
    /// application.
    var staffID: String? {
        switch self {
        case .changeStaffPassword(let change): change.id
        case .moveApplication(let move): move.by
        case .submitApplication, .requestCard, .moveCard, .issueCertificate, .keepCardPhoto, .recordRetireeCheck,
            .recordRating, .recordJobSeeker, .publishJobPosting,
            .publishTrainingCourse, .recordAppointment, .recordDispute:
            nil
        }
    }

    /// The rating id the command records, to look up.
    var ratingID: String? {
        guard case .recordRating(let rating) = self else { return nil }
        return rating.id
    }

    /// The registration of the employment register the command records on, and its person, whose
    /// other registrations a new one is judged against.
    var jobSeeker: (id: String, idNumber: String)? {
        guard case .recordJobSeeker(let entry) = self else { return nil }
        return (entry.id, entry.idNumber)
    }

    /// The job posting the command publishes, to look up.
    var jobPostingID: String? {
        guard case .publishJobPosting(let posting) = self else { return nil }
        return posting.id
    }

    /// The training course the command publishes, to look up.
    var trainingCourseID: String? {
        guard case .publishTrainingCourse(let course) = self else { return nil }
        return course.id
    }

    /// The appointment the command records on, to look up.
    var appointmentID: String? {
        guard case .recordAppointment(let entry) = self else { return nil }
        return entry.id
    }

    /// The case the command records on, to look up.
    var disputeID: String? {
        guard case .recordDispute(let entry) = self else { return nil }
        return entry.id
    }

    /// The hall slot a booking takes, whose open bookings are counted.
    var bookedSlot: SlotKey? {
        guard case .recordAppointment(let entry) = self, let booking = entry.booking, let slot = booking.slot else {
            return nil
        }
        return SlotKey(regionCode: booking.regionCode, day: booking.day, slot: slot)
    }

    /// The retiree's check the command records on, to look up.
    var retireeCheck: RetireeCheckKey? {
        guard case .recordRetireeCheck(let entry) = self else { return nil }
        return RetireeCheckKey(idNumber: entry.idNumber, year: entry.year)
    }
}

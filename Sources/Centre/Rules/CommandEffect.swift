import KioskCore

/// The one write a command makes when it is applied, which a store turns into SQL.
enum CommandEffect: Sendable {
    case insertApplication(Application)
    case updateApplication(Application, version: Int)
    case insertCard(CardRecord, regionCode: String)
    case updateCard(CardRecord, regionCode: String)
    case insertCertificate(SignedCertificate)
    case updateStaff(CentreStaffAccount)
    case keepCardPhoto(StoredCardPhoto)
    case updateRetireeCheck(RetireeCheck)
    case insertRating(SatisfactionRating)
    case keepJobSeeker(JobSeeker)
    case keepJobPosting(JobPosting)
    case keepTrainingCourse(TrainingCourse)
    case keepAppointment(Appointment)
    case keepDispute(LabourDispute)

    /// The record's version after the write, returned to the terminal. A card's version is the
    /// number of its steps, as the terminal counts it (KioskStore's `CardRow`).
    var version: Int {
        switch self {
        case .insertApplication, .insertCertificate, .updateStaff, .keepCardPhoto, .updateRetireeCheck, .insertRating,
            .keepJobSeeker, .keepJobPosting, .keepTrainingCourse,
            .keepAppointment, .keepDispute:
            1
        case .updateApplication(_, let version): version
        case .insertCard(let card, _), .updateCard(let card, _): card.steps.count
        }
    }
}

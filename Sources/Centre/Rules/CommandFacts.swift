import KioskCore

/// What the centre holds that one command is judged against, read in the command's transaction.
/// It holds what the command names (``CentreCommand``) and nothing more: ``PushFacts`` gathers it
/// for a whole push, written once, and a store only runs its statements.
struct CommandFacts: Sendable {
    /// The application the command names, as the centre has it.
    var application: StoredApplication?
    /// Whether another open application exists for the same person and service.
    var openDuplicate = false
    /// The region of the person a new record is for, when the centre knows them.
    var holderRegion: String?
    /// The card the command names, as the centre has it.
    var card: StoredCard?
    /// The register entry under the serial a certificate command names.
    var certificate: SignedCertificate?
    /// The staff account the command names.
    var staff: CentreStaffAccount?
    /// The retiree's check the command records on, as the centre has it.
    var retireeCheck: RetireeCheck?
    /// The registration of the employment register under the id the command names.
    var jobSeeker: JobSeeker?
    /// Every registration of the employment register of the person the command names.
    var personsJobSeekers: [JobSeeker] = []
    /// The job posting under the id the command names, as the centre has it.
    var jobPosting: JobPosting?
    /// The training course under the id the command names, as the centre has it.
    var trainingCourse: TrainingCourse?
    /// The appointment under the id the command names, as the centre has it.
    var appointment: Appointment?
    /// The labour dispute under the id the command names, as the centre has it.
    var dispute: LabourDispute?
    /// The open bookings of the hall slot a booking takes.
    var slotBookings = 0
    /// Whether the centre has a rating under the id the command names.
    var ratingTaken = false
    /// The working calendar a move's clock counts on.
    var calendar = WorkingCalendar.published
    /// The routes in force, which say the level that decides a new application.
    var routes = ServiceRoutes.national
}

import Foundation

/// A page of reference data from the centre: people and their records changed since a cursor, and
/// those that have left the terminal's jurisdiction.
public struct ReferenceDataPage: Hashable, Sendable {
    public var people: [Person]
    public var enrolments: [Enrolment]
    public var contributions: [Contribution]
    public var pensionPayments: [PensionPayment]
    public var jobPostings: [JobPosting]
    public var cardRecords: [CardRecord]
    /// Accounts of the staff who work at this terminal, kept at the centre: with their password
    /// hash, so that they sign in while the link is down, and their state (disabled, must change).
    public var staff: [StaffAccount]
    /// Years of public holidays and adjusted working days (调休) the centre published, which time
    /// limits count; the same for every terminal.
    public var calendarYears: [WorkingCalendar.PublishedYear]
    /// Routes the centre published for its services (which level checks, reviews and decides),
    /// the same for every terminal.
    public var serviceRoutes: [ServiceRoute]
    /// Guides of the services the county published (办事指南), the same for every terminal.
    public var serviceGuides: [ServiceGuide]
    /// Policy notices the county published, the same for every terminal.
    public var notices: [PolicyNotice]
    /// Applications of the jurisdiction as the centre holds them: those another terminal made,
    /// moved up to this terminal's level or decided above it come down here.
    public var applications: [VersionedApplication]
    /// Retirees' qualification checks of the jurisdiction's people, as the centre holds them: the
    /// year's list when it is published, and every entry recorded on one at any terminal.
    public var retireeChecks: [RetireeCheck]
    /// Registrations of the employment register of the jurisdiction's people, as the centre holds
    /// them: every registration and entry made at any terminal.
    public var jobSeekers: [JobSeeker]
    /// Training courses of the jurisdiction and of the areas above it.
    public var trainingCourses: [TrainingCourse]
    /// Appointments booked in the jurisdiction's halls, as the centre holds them.
    public var appointments: [Appointment]
    /// Labour disputes and petitions taken in the jurisdiction, as the centre holds them.
    public var disputes: [LabourDispute]
    /// The residents' pension's grade table the county published, the same for every terminal.
    public var pensionGrades: [PensionGradeTable]
    /// Records to take out of the cache; a terminal applies them before the page's rows, since a
    /// row in the same page is newer than any removal of it. Never in a snapshot.
    public var removals: [ReferenceRemoval]
    /// Where the next pull starts.
    public var cursor: String
    /// The centre's time of this page: the cache's "as of".
    public var asOf: Date
    /// In a snapshot's page: the centre's opaque token for going on after this page when the load
    /// breaks off (`GET /sync/v1/snapshot?cursor=…&resume=…`); nil in changes, and from an older centre.
    public var resumeAfter: String?

    public init(
        people: [Person] = [],
        enrolments: [Enrolment] = [],
        contributions: [Contribution] = [],
        pensionPayments: [PensionPayment] = [],
        jobPostings: [JobPosting] = [],
        cardRecords: [CardRecord] = [],
        staff: [StaffAccount] = [],
        calendarYears: [WorkingCalendar.PublishedYear] = [],
        serviceRoutes: [ServiceRoute] = [],
        serviceGuides: [ServiceGuide] = [],
        notices: [PolicyNotice] = [],
        applications: [VersionedApplication] = [],
        retireeChecks: [RetireeCheck] = [],
        jobSeekers: [JobSeeker] = [],
        trainingCourses: [TrainingCourse] = [],
        appointments: [Appointment] = [],
        disputes: [LabourDispute] = [],
        pensionGrades: [PensionGradeTable] = [],
        removals: [ReferenceRemoval] = [],
        cursor: String,
        asOf: Date,
        resumeAfter: String? = nil
    ) {
        self.people = people
        self.enrolments = enrolments
        self.contributions = contributions
        self.pensionPayments = pensionPayments
        self.jobPostings = jobPostings
        self.cardRecords = cardRecords
        self.staff = staff
        self.calendarYears = calendarYears
        self.serviceRoutes = serviceRoutes
        self.serviceGuides = serviceGuides
        self.notices = notices
        self.applications = applications
        self.retireeChecks = retireeChecks
        self.jobSeekers = jobSeekers
        self.trainingCourses = trainingCourses
        self.appointments = appointments
        self.disputes = disputes
        self.pensionGrades = pensionGrades
        self.removals = removals
        self.cursor = cursor
        self.asOf = asOf
        self.resumeAfter = resumeAfter
    }

    /// The most one page may weigh as a line of the snapshot's NDJSON, in bytes: some twenty times
    /// a page of 500 people of a township (about 3 MB measured). A terminal refuses a longer line
    /// rather than buffer it without end.
    public static let maximumLineBytes = 64 << 20

    /// Rows of every table together (removals are not rows).
    public var rowCount: Int {
        people.count + enrolments.count + contributions.count + pensionPayments.count + jobPostings.count
            + cardRecords.count + staff.count + calendarYears.count + serviceRoutes.count + serviceGuides.count
            + notices.count
            + applications.count
            + retireeChecks.count + jobSeekers.count + trainingCourses.count + appointments.count + pensionGrades.count
            + disputes.count
    }

    /// Whether the page changes nothing in a cache.
    public var isEmpty: Bool { rowCount == 0 && removals.isEmpty }
}

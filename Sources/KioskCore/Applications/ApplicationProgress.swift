import Foundation

/// Where one of a resident's applications stands, as the kiosk shows it to them: the step, the time
/// limit in working days, and a refusal's reason. No staff ids and no other person's data.
public struct ApplicationProgress: Codable, Hashable, Sendable {
    public var id: String
    public var kind: ApplicationKind
    public var status: ApplicationStatus
    public var submittedAt: Date
    public var deadline: Date
    /// The level whose step it is at (村、乡镇、县): who has it now.
    public var level: ServiceLevel
    /// The end of that level's own time limit.
    public var stepDue: Date
    /// Open past its time limit now.
    public var overdue: Bool
    /// A limit falls before the end of the next working day (the reminder).
    public var dueSoon: Bool
    /// The clock stands still until the papers asked for arrive.
    public var awaitingMaterials: Bool
    public var completedAt: Date?
    public var rejectionReason: RejectionReason?
    /// The clerk's words for the resident, written for their receipt.
    public var rejectionNote: String?

    public init(_ application: Application, at now: Date, calendar: WorkingCalendar = .published) {
        id = application.id
        kind = application.kind
        status = application.status
        submittedAt = application.submittedAt
        deadline = application.deadline
        level = application.level
        stepDue = application.stepDue
        overdue = application.isOverdue(at: now)
        dueSoon = application.isDueSoon(at: now, calendar: calendar)
        awaitingMaterials = application.clockStoppedAt != nil
        completedAt = application.completedAt
        rejectionReason = application.rejection?.reason
        rejectionNote = application.rejection?.note
    }
}

import Foundation

/// Which applications to list, and in what order.
public struct ApplicationFilter: Hashable, Sendable {
    public var idNumber: String?
    public var statuses: Set<ApplicationStatus>?
    public var kinds: Set<ApplicationKind>?
    public var regionPrefix: String?
    public var owner: Owner?
    /// At a step of one of these levels: a worklist shows its own level's cases.
    public var levels: Set<ServiceLevel>?
    public var submittedFrom: Date?
    public var submittedBefore: Date?
    public var completedFrom: Date?
    public var completedBefore: Date?
    /// Due (deadline) before this instant.
    public var dueBefore: Date?
    /// Late, or due soon: the reminders and the escalation.
    public var due: Due?
    /// Set: the worklist's order, cases overdue at this instant first, then the nearest deadline
    /// first. Nil: newest first.
    public var overdueFirstAt: Date?
    public var limit: Int

    /// Open cases with their clock running, by where their limits stand at an instant.
    public enum Due: Hashable, Sendable {
        /// Past the whole case's limit or the current level's own.
        case late(at: Date)
        /// Neither passed, and one of them falls before `through`.
        case soon(at: Date, through: Date)

        /// Due before the end of the next working day after `now` (the reminder), on `calendar`.
        public static func soon(at now: Date, calendar: WorkingCalendar) -> Due {
            .soon(at: now, through: calendar.endOfWorkingDay(1, after: now))
        }
    }

    /// Whose cases: nobody's yet, or one member's.
    public enum Owner: Hashable, Sendable {
        case nobody
        case member(String)
    }

    public init(
        idNumber: String? = nil,
        statuses: Set<ApplicationStatus>? = nil,
        kinds: Set<ApplicationKind>? = nil,
        regionPrefix: String? = nil,
        owner: Owner? = nil,
        levels: Set<ServiceLevel>? = nil,
        submittedFrom: Date? = nil,
        submittedBefore: Date? = nil,
        completedFrom: Date? = nil,
        completedBefore: Date? = nil,
        dueBefore: Date? = nil,
        due: Due? = nil,
        overdueFirstAt: Date? = nil,
        limit: Int = 200
    ) {
        self.idNumber = idNumber
        self.statuses = statuses
        self.kinds = kinds
        self.regionPrefix = regionPrefix
        self.owner = owner
        self.levels = levels
        self.submittedFrom = submittedFrom
        self.submittedBefore = submittedBefore
        self.completedFrom = completedFrom
        self.completedBefore = completedBefore
        self.dueBefore = dueBefore
        self.due = due
        self.overdueFirstAt = overdueFirstAt
        self.limit = limit
    }
}

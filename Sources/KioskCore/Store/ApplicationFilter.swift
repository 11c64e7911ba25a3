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
    /// Set: the worklist's order, cases overdue at this instant first, then the nearest deadline
    /// first. Nil: newest first.
    public var overdueFirstAt: Date?
    public var limit: Int

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
        self.overdueFirstAt = overdueFirstAt
        self.limit = limit
    }
}

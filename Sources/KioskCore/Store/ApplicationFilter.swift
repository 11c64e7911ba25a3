import Foundation

/// Which applications to list.
public struct ApplicationFilter: Hashable, Sendable {
    public var idNumber: String?
    public var statuses: Set<ApplicationStatus>?
    public var regionPrefix: String?
    public var submittedFrom: Date?
    public var submittedBefore: Date?
    public var limit: Int

    public init(
        idNumber: String? = nil,
        statuses: Set<ApplicationStatus>? = nil,
        regionPrefix: String? = nil,
        submittedFrom: Date? = nil,
        submittedBefore: Date? = nil,
        limit: Int = 200
    ) {
        self.idNumber = idNumber
        self.statuses = statuses
        self.regionPrefix = regionPrefix
        self.submittedFrom = submittedFrom
        self.submittedBefore = submittedBefore
        self.limit = limit
    }
}

import Foundation

/// One day's work at a terminal, for performance evaluation (效能评估).
public struct DayStatistics: Codable, Hashable, Sendable {
    public var day: String
    /// Applications taken, per service.
    public var submittedPerKind: [String: Int]
    /// Of the applications due the same day, the share completed that day (0...1).
    public var sameDayCompletionRate: Double?
    /// Open applications past their deadline.
    public var overdue: Int
    public var completed: Int

    public init(
        day: String, submittedPerKind: [String: Int], sameDayCompletionRate: Double?, overdue: Int, completed: Int
    ) {
        self.day = day
        self.submittedPerKind = submittedPerKind
        self.sameDayCompletionRate = sameDayCompletionRate
        self.overdue = overdue
        self.completed = completed
    }
}

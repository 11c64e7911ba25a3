import Foundation

/// The county's decision to stop a pension whose check is overdue or whose holder was reported dead
/// or moved away (暂停发放). Only the county decides it.
public struct RetireeSuspension: Codable, Hashable, Sendable {
    public var reason: String
    /// The staff id of the county's supervisor.
    public var by: String
    public var at: Date

    public init(reason: String, by: String, at: Date) {
        self.reason = reason
        self.by = by
        self.at = at
    }
}

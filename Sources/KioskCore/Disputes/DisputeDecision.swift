import Foundation

/// Whether the office accepts a case (受理) or not (不予受理, with why and where to turn instead).
public struct DisputeDecision: Codable, Hashable, Sendable {
    public var accepted: Bool
    public var reason: String?
    /// The staff id of the clerk who decided.
    public var by: String
    public var at: Date

    public init(accepted: Bool, reason: String?, by: String, at: Date) {
        self.accepted = accepted
        self.reason = reason
        self.by = by
        self.at = at
    }
}

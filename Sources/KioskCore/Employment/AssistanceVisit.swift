import Foundation

/// A clerk's visit to a person on the assistance register (援助走访): what they found and offered.
/// As many as the case needs, unlike the monthly follow-up.
public struct AssistanceVisit: Codable, Hashable, Sendable {
    public var note: String
    /// The staff id of the clerk.
    public var by: String
    public var at: Date

    public init(note: String, by: String, at: Date) {
        self.note = note
        self.by = by
        self.at = at
    }
}

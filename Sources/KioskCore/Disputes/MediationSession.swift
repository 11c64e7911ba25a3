import Foundation

/// One sitting of a mediation (调解记录) or a talk with a petitioner (接谈): when, where, who came,
/// and what was said.
public struct MediationSession: Codable, Hashable, Sendable {
    /// The day it sat ("YYYY-MM-DD").
    public var day: String
    public var place: String?
    /// Who attended, as the record lists them.
    public var attendees: String
    public var summary: String
    /// The staff id of the mediator who wrote it.
    public var by: String
    public var at: Date

    public init(day: String, place: String?, attendees: String, summary: String, by: String, at: Date) {
        self.day = day
        self.place = place
        self.attendees = attendees
        self.summary = summary
        self.by = by
        self.at = at
    }
}

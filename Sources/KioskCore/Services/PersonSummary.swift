import Foundation

/// Everything a resident or a clerk sees on a person's overview, and how fresh it is.
public struct PersonSummary: Codable, Hashable, Sendable {
    public var person: Person
    public var enrolments: [Enrolment]
    public var cards: [CardRecord]
    public var openApplications: [Application]
    /// When the cache last heard from the centre ("as of ..."); nil if never.
    public var asOf: Date?

    public init(person: Person, enrolments: [Enrolment], cards: [CardRecord], openApplications: [Application], asOf: Date?) {
        self.person = person
        self.enrolments = enrolments
        self.cards = cards
        self.openApplications = openApplications
        self.asOf = asOf
    }
}

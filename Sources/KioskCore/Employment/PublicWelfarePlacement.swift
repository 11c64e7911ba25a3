import Foundation

/// A person with employment difficulty placed in a public-welfare post (公益性岗位安置): the
/// posting, kept with its title and employer, and the first day of work. The placement is their job:
/// it closes the registration as employed.
public struct PublicWelfarePlacement: Codable, Hashable, Sendable {
    public var postingID: String
    public var title: String
    public var employer: String
    /// The first day of work ("YYYY-MM-DD").
    public var startsOn: String
    /// The staff id of the clerk.
    public var by: String
    public var at: Date

    public init(postingID: String, title: String, employer: String, startsOn: String, by: String, at: Date) {
        self.postingID = postingID
        self.title = title
        self.employer = employer
        self.startsOn = startsOn
        self.by = by
        self.at = at
    }
}

import Foundation

/// A posting a clerk put a registered person forward for (岗位推荐). The posting's title and
/// employer are kept with it, so the record reads after the posting is taken down.
public struct JobReferral: Codable, Hashable, Sendable {
    public var postingID: String
    public var title: String
    public var employer: String
    /// The staff id of the clerk.
    public var by: String
    public var at: Date

    public init(postingID: String, title: String, employer: String, by: String, at: Date) {
        self.postingID = postingID
        self.title = title
        self.employer = employer
        self.by = by
        self.at = at
    }
}

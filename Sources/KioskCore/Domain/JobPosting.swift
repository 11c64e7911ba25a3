/// A job posted for the area (岗位信息): public, no personal data.
public struct JobPosting: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var employer: String
    public var regionCode: String
    public var monthlyWageFromFen: Int64
    public var monthlyWageToFen: Int64
    public var postedOn: String
    public var contact: String

    public init(
        id: String, title: String, employer: String, regionCode: String, monthlyWageFromFen: Int64,
        monthlyWageToFen: Int64, postedOn: String, contact: String
    ) {
        self.id = id
        self.title = title
        self.employer = employer
        self.regionCode = regionCode
        self.monthlyWageFromFen = monthlyWageFromFen
        self.monthlyWageToFen = monthlyWageToFen
        self.postedOn = postedOn
        self.contact = contact
    }
}

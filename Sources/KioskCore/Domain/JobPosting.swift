import Foundation

/// A job posted for the area (岗位信息): public, no personal data. Township and county staff post
/// them at the desk; a posting reaches the terminals of its area and, posted by the county, those of
/// every township in it, and is shown until its last day.
public struct JobPosting: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var employer: String
    /// Where the job is: a village's code for a job in a village, else the township's or county's.
    public var regionCode: String
    /// Where the job is, in words (工作地点): the village, the township's industrial park.
    public var place: String
    public var kind: Kind
    /// What the job asks for (技能要求), each a few characters: 电焊, 驾驶C1, 会计.
    public var skills: [String]
    public var monthlyWageFromFen: Int64
    public var monthlyWageToFen: Int64
    public var postedOn: String
    /// The last day it is shown ("YYYY-MM-DD"); nil for a posting with no end (the older ones).
    public var until: String?
    public var contact: String
    /// The staff id of who posted it; nil for postings the centre loaded.
    public var postedBy: String?

    public init(
        id: String, title: String, employer: String, regionCode: String, place: String = "", kind: Kind = .fullTime,
        skills: [String] = [], monthlyWageFromFen: Int64, monthlyWageToFen: Int64, postedOn: String,
        until: String? = nil, contact: String, postedBy: String? = nil
    ) {
        self.id = id
        self.title = title
        self.employer = employer
        self.regionCode = regionCode
        self.place = place
        self.kind = kind
        self.skills = skills
        self.monthlyWageFromFen = monthlyWageFromFen
        self.monthlyWageToFen = monthlyWageToFen
        self.postedOn = postedOn
        self.until = until
        self.contact = contact
        self.postedBy = postedBy
    }

    /// A posting from a centre or terminal older than the posting's kind, skills and place reads as
    /// a full-time job with none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            title: try container.decode(String.self, forKey: .title),
            employer: try container.decode(String.self, forKey: .employer),
            regionCode: try container.decode(String.self, forKey: .regionCode),
            place: try container.decodeIfPresent(String.self, forKey: .place) ?? "",
            kind: try container.decodeIfPresent(Kind.self, forKey: .kind) ?? .fullTime,
            skills: try container.decodeIfPresent([String].self, forKey: .skills) ?? [],
            monthlyWageFromFen: try container.decode(Int64.self, forKey: .monthlyWageFromFen),
            monthlyWageToFen: try container.decode(Int64.self, forKey: .monthlyWageToFen),
            postedOn: try container.decode(String.self, forKey: .postedOn),
            until: try container.decodeIfPresent(String.self, forKey: .until),
            contact: try container.decode(String.self, forKey: .contact),
            postedBy: try container.decodeIfPresent(String.self, forKey: .postedBy))
    }

    /// Whether the kiosk shows it on `day` ("YYYY-MM-DD"): posted by then and not past its last day.
    public func isShown(on day: String) -> Bool {
        postedOn <= day && (until.map { day <= $0 } ?? true)
    }

    /// The most skills a posting names, and the longest a skill may be.
    public static let maximumSkills = 8
    public static let maximumSkillLength = 12

    public enum Kind: String, Codable, CaseIterable, Hashable, Sendable {
        case fullTime = "full-time"
        case partTime = "part-time"
        /// 季节性用工: the harvest, the tea season.
        case seasonal
        /// 公益性岗位: posts the government funds for people hard to employ.
        case publicWelfare = "public-welfare"

        public var chineseName: String {
            switch self {
            case .fullTime: "全职"
            case .partTime: "兼职"
            case .seasonal: "季节性用工"
            case .publicWelfare: "公益性岗位"
            }
        }
    }
}

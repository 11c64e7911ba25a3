import Foundation

/// A registered person recognised as having difficulty finding work (就业困难人员认定): who they are
/// by the categories the county's policy names, and who recognised it. Only such people are on the
/// assistance register (就业援助台账): visited at home, and placed in public-welfare posts.
public struct EmploymentDifficulty: Codable, Hashable, Sendable {
    public var categories: [Category]
    public var note: String?
    /// The staff id of the clerk.
    public var by: String
    public var at: Date

    public init(categories: [Category], note: String?, by: String, at: Date) {
        self.categories = categories
        self.note = note
        self.by = by
        self.at = at
    }

    public enum Category: String, Codable, CaseIterable, Hashable, Sendable {
        /// 4050人员: a woman of 40 or more, a man of 50 or more.
        case aged4050 = "aged-4050"
        case disabled
        case zeroEmploymentFamily = "zero-employment-family"
        /// 城乡低保家庭成员.
        case minimumLivingAllowance = "minimum-living-allowance"
        /// 连续失业一年以上.
        case longTermUnemployed = "long-term-unemployed"
        /// 失地农民.
        case landLost = "land-lost"

        public var chineseName: String {
            switch self {
            case .aged4050: "4050人员"
            case .disabled: "残疾人"
            case .zeroEmploymentFamily: "零就业家庭成员"
            case .minimumLivingAllowance: "低保家庭成员"
            case .longTermUnemployed: "连续失业一年以上"
            case .landLost: "失地农民"
            }
        }
    }
}

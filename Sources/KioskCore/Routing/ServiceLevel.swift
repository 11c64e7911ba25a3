import Vocabulary

/// The tiers that handle applications (分级管理): the village's service point checks first, the
/// township's hall reviews, the county decides. Ordered upward: a higher level may do a lower
/// level's step, never the other way round.
public enum ServiceLevel: String, Codable, CaseIterable, Comparable, Hashable, Sendable {
    case village
    case township
    case county

    /// The level of an area: a village's 12 digits, a township's 9, anything wider a county's.
    public init(_ jurisdiction: Jurisdiction) {
        switch RegionCode(jurisdiction.regionPrefix)?.level {
        case .village: self = .village
        case .township: self = .township
        default: self = .county
        }
    }

    public var chineseName: String {
        switch self {
        case .village: "村（社区）"
        case .township: "乡镇（街道）"
        case .county: "县（区）"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

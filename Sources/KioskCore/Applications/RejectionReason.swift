/// The reasons an application may be refused for (不予受理的理由), one list for every desk, so that
/// refusals are counted alike.
public enum RejectionReason: String, Codable, CaseIterable, Hashable, Sendable {
    /// 材料不全，逾期未补正
    case materialsMissing = "materials-missing"
    /// 不符合办理条件
    case notEligible = "not-eligible"
    /// 信息有误
    case wrongInformation = "wrong-information"
    /// 重复申请
    case duplicate
    /// 不属本级办理
    case wrongLevel = "wrong-level"
    /// 其他（须说明）
    case other

    public var chineseName: String {
        switch self {
        case .materialsMissing: "材料不全，逾期未补正"
        case .notEligible: "不符合办理条件"
        case .wrongInformation: "信息有误"
        case .duplicate: "重复申请"
        case .wrongLevel: "不属本级办理"
        case .other: "其他"
        }
    }
}

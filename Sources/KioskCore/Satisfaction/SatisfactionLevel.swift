/// The resident's one-tap answer after a service (好差评): the three levels service halls use.
public enum SatisfactionLevel: String, Codable, CaseIterable, Hashable, Sendable {
    case satisfied
    case basicallySatisfied = "basically-satisfied"
    case dissatisfied

    public var chineseName: String {
        switch self {
        case .satisfied: "满意"
        case .basicallySatisfied: "基本满意"
        case .dissatisfied: "不满意"
        }
    }
}

/// Sex as GB/T 2261.1 codes it, and as the card writes it in item 0A; the raw value is the code.
public enum Sex: String, Hashable, Sendable, Codable, CaseIterable {
    case male = "1"
    case female = "2"
    /// 未说明的性别: on a card or a record, but never derived from an ID number.
    case unstated = "9"

    /// 男, 女, 未说明.
    public var chineseName: String {
        switch self {
        case .male: "男"
        case .female: "女"
        case .unstated: "未说明"
        }
    }

    public var englishName: String {
        switch self {
        case .male: "Male"
        case .female: "Female"
        case .unstated: "Not stated"
        }
    }
}

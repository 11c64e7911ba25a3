/// Sex as the card codes it in item 0A (GB/T 2261.1); the raw value is the card's character.
public enum Sex: String, Hashable, Sendable, Codable, CaseIterable {
    case male = "1"
    case female = "2"
    /// 未说明的性别: on the card, but never derived from an ID number.
    case unstated = "9"
}

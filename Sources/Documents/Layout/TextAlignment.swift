/// Horizontal placement of text within its box.
public enum TextAlignment: String, Hashable, Sendable, Codable {
    case left
    case center
    case right
}

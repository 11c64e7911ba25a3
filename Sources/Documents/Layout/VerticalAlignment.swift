/// Vertical placement of text within a fixed box.
public enum VerticalAlignment: String, Hashable, Sendable, Codable {
    case top
    case center
    case bottom
}

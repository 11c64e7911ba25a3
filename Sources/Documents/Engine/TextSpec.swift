/// A text ready to be set: its characters, style, and the width it wraps at (points; nil: one line).
struct TextSpec: Hashable {
    var text: String
    var style: TextStyle
    var width: Double?
}

/// The measured extent of a set text, in points.
struct TextMetrics: Hashable {
    var width: Double
    var height: Double
    var lines: Int
}

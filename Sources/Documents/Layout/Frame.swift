/// A rectangle on the page in millimetres from the page's top-left corner, as card and form
/// layouts are measured with a ruler.
public struct Frame: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The frame in PDF points.
    var points: Rect {
        Rect(x: Units.points(x), y: Units.points(y), width: Units.points(width), height: Units.points(height))
    }
}

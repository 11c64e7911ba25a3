/// Millimetres of templates to the points of PDF (1/72 inch).
enum Units {
    static let pointsPerMillimetre = 72 / 25.4

    static func points(_ millimetres: Double) -> Double { millimetres * pointsPerMillimetre }
    static func millimetres(_ points: Double) -> Double { points / pointsPerMillimetre }
}

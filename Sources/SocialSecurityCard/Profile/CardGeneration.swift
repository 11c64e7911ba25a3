/// The specification generation a card follows, read from data item 03 (规范版本).
///
/// Generations differ in what a terminal must do: 2.0 added the name extension (tag 4E), 3.0
/// guards the cardholder file behind an external authentication with the read key.
public enum CardGeneration: String, Codable, CaseIterable, Comparable, Sendable {
    case v1 = "1.00"
    case v2 = "2.00"
    case v3 = "3.00"

    /// Reads tag 03's value; cards pad or abbreviate it ("3.0", "3.00 "), so only the major digit counts.
    public init?(specVersion: String) {
        switch specVersion.first(where: { $0 != " " }) {
        case "1": self = .v1
        case "2": self = .v2
        case "3": self = .v3
        default: return nil
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

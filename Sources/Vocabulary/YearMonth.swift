/// A calendar month: the unit in which the centre records enrolment, contributions and pension
/// payments. Written `2024-03` in JSON, the API and the sync.
public struct YearMonth: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// Fails for a month outside 1...12 or a year outside 1900...2999.
    public init?(year: Int, month: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `2024-03`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1])
        else {
            return nil
        }
        self.init(year: year, month: month)
    }

    /// Months since year 0, for arithmetic and compact storage.
    public var index: Int { year * 12 + month - 1 }

    /// The month `index` months after year 0 began; the inverse of ``index``.
    public init(index: Int) {
        year = index / 12
        month = index % 12 + 1
    }

    public func adding(months: Int) -> YearMonth { YearMonth(index: index + months) }

    /// The month after this one.
    public var next: YearMonth { adding(months: 1) }

    /// `2024-03`.
    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    /// `202403`, the compact form of the centre's records and of verification payloads.
    public var compact: String { "\(year)\(month < 10 ? "0" : "")\(month)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = YearMonth(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM month: \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

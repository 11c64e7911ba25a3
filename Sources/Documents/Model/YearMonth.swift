/// A month of contributions or enrolment: the unit in which the centre records social insurance.
public struct YearMonth: Hashable, Comparable, Sendable, Codable {
    public let year: Int
    public let month: Int

    /// Fails for a month outside 1...12.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// The month after this one.
    public var next: YearMonth {
        month == 12 ? YearMonth(uncheckedYear: year + 1, month: 1) : YearMonth(uncheckedYear: year, month: month + 1)
    }

    /// `2025年03月` or `Mar 2025`.
    public func formatted(_ language: DocumentLanguage) -> String {
        switch language {
        case .chinese: "\(year)年" + CalendarDate.twoDigits(month) + "月"
        case .english: "\(Self.englishMonths[month - 1].prefix(3)) \(year)"
        }
    }

    /// `202503`, the compact form of verification payloads and of the centre's records.
    var compact: String { "\(year)" + CalendarDate.twoDigits(month) }

    private init(uncheckedYear: Int, month: Int) {
        self.year = uncheckedYear
        self.month = month
    }

    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}

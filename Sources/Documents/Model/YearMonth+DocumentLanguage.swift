import Vocabulary

extension YearMonth {
    /// `2025年03月` or `Mar 2025`.
    public func formatted(_ language: DocumentLanguage) -> String {
        switch language {
        case .chinese: "\(year)年" + CalendarDate.twoDigits(month) + "月"
        case .english: "\(Self.englishMonths[month - 1].prefix(3)) \(year)"
        }
    }

    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}

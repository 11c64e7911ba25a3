import Foundation
import Vocabulary

extension YearMonth {
    /// The month on China's calendar that `date` falls in: the month a county's figures count it in.
    public static func inChina(containing date: Date) -> YearMonth {
        let components = WorkingCalendar.china.dateComponents([.year, .month], from: date)
        return YearMonth(year: components.year!, month: components.month!)!
    }
}

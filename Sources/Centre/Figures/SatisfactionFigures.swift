import Foundation
import KioskCore
import Vocabulary

/// A month's ratings of the services given in an area (好差评), grouped by township, village, the
/// clerk who served (`card` for the kiosk) or service: for the county's review of its halls, never
/// shown to a resident.
public struct SatisfactionFigures: Codable, Hashable, Sendable {
    public struct Row: Codable, Hashable, Sendable {
        /// The township's or village's region code, the clerk's id or the service's kind (empty:
        /// a rating after no particular service).
        public var key: String
        public var satisfied = 0
        public var basicallySatisfied = 0
        public var dissatisfied = 0

        init(key: String) { self.key = key }

        public var total: Int { satisfied + basicallySatisfied + dissatisfied }

        mutating func add(_ sum: FigureSum) {
            switch SatisfactionLevel(rawValue: sum.measure) {
            case .satisfied: satisfied += sum.total
            case .basicallySatisfied: basicallySatisfied += sum.total
            case .dissatisfied: dissatisfied += sum.total
            case nil: break
            }
        }
    }

    public var month: YearMonth
    public var grouping: ServiceFigures.Grouping
    public var rows: [Row]
    public var total: Row

    /// The figures from sums whose measure is the rating's level.
    init(month: YearMonth, grouping: ServiceFigures.Grouping, sums: [FigureSum]) {
        (rows, total) = sums.rows(Row.init(key:)) { $0.add($1) }
        self.month = month
        self.grouping = grouping
    }
}

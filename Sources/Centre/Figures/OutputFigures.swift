import Foundation
import KioskCore
import Vocabulary

/// What the area's halls produced in a month, township by township: cards applied for, sent to
/// production, issued and activated (each step counted in the month it was taken), and documents
/// printed with a verification code, by kind. Counts only.
public struct OutputFigures: Codable, Hashable, Sendable {
    public struct Row: Codable, Hashable, Sendable {
        /// The township's region code.
        public var key: String
        public var cardsApplied = 0
        public var cardsProduced = 0
        public var cardsIssued = 0
        public var cardsActivated = 0
        /// Documents registered, by their two-letter kind (`PI` proof of insurance, `AR` receipt…).
        public var documents: [String: Int] = [:]

        init(key: String) { self.key = key }

        /// Adds a sum of the rollup: a card step's or a document kind's count.
        mutating func add(_ sum: FigureSum) {
            if sum.measure.hasPrefix(FigureCount.documentPrefix) {
                documents[String(sum.measure.dropFirst(FigureCount.documentPrefix.count)), default: 0] += sum.total
                return
            }
            guard sum.measure.hasPrefix(FigureCount.cardPrefix) else { return }
            switch CardStatus(rawValue: String(sum.measure.dropFirst(FigureCount.cardPrefix.count))) {
            case .applied: cardsApplied += sum.total
            case .inProduction: cardsProduced += sum.total
            case .issued: cardsIssued += sum.total
            case .active: cardsActivated += sum.total
            case .readyAtDesk, .lost, .replaced, .cancelled, nil: break
            }
        }
    }

    public var month: YearMonth
    /// By township.
    public var rows: [Row]
    public var total: Row
    public var asOf: Date

    /// The figures from the rollup's sums of `month`, each keyed by its township.
    init(month: YearMonth, sums: [FigureSum], at now: Date) {
        (rows, total) = sums.rows(Row.init(key:)) { $0.add($1) }
        self.month = month
        self.asOf = now
    }
}

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

        mutating func count(_ step: CardStatus) {
            switch step {
            case .applied: cardsApplied += 1
            case .inProduction: cardsProduced += 1
            case .issued: cardsIssued += 1
            case .active: cardsActivated += 1
            case .readyAtDesk, .lost, .replaced, .cancelled: break
            }
        }
    }

    public var month: YearMonth
    /// By township.
    public var rows: [Row]
    public var total: Row
    public var asOf: Date

    init(month: YearMonth, cards: [StoredCard], documents: [SignedCertificate], at now: Date) {
        let range = ServiceFigures.range(of: month)
        var rows: [String: Row] = [:]
        var total = Row(key: "total")
        for stored in cards {
            let key = String(stored.regionCode.prefix(9))
            for step in stored.card.steps where range.contains(step.at) {
                rows[key, default: Row(key: key)].count(step.status)
                total.count(step.status)
            }
        }
        for document in documents where range.contains(document.signedAt) {
            let key = String(document.regionCode.prefix(9))
            rows[key, default: Row(key: key)].documents[document.kind, default: 0] += 1
            total.documents[document.kind, default: 0] += 1
        }
        self.month = month
        self.rows = rows.values.sorted { $0.key < $1.key }
        self.total = total
        self.asOf = now
    }
}

import Foundation
import KioskCore
import Spreadsheets
import Vocabulary

/// A month's service figures for the county's performance review (效能评估、综合考核): the
/// applications received that month in an area, grouped by township, village, clerk or service,
/// and what has become of them by the time asked. Counts only: no person, no application id.
public struct ServiceFigures: Codable, Hashable, Sendable {
    /// What the rows are.
    public enum Grouping: String, Codable, CaseIterable, Hashable, Sendable {
        case township
        case village
        /// The staff id that took the application; `card` for residents at a kiosk.
        case clerk
        case service
    }

    public struct Row: Codable, Hashable, Sendable {
        /// The township's or village's region code, the clerk's id or the service's kind.
        public var key: String
        public var received = 0
        /// Completed on the China calendar day it was received (当场办结).
        public var completedSameDay = 0
        /// Completed by the end of its time limit (按时办结).
        public var completedInTime = 0
        /// Completed after its time limit, or open past it now.
        public var overdue = 0
        /// Refused (不予受理/退回).
        public var refused = 0
        /// Still open.
        public var open = 0

        init(key: String) { self.key = key }

        /// Adds a sum of the rollup: an open application past its deadline counts as overdue.
        mutating func add(_ sum: FigureSum) {
            switch FigureCount.ServiceMeasure(rawValue: sum.measure) {
            case .received: received += sum.total
            case .completedSameDay: completedSameDay += sum.total
            case .completedInTime: completedInTime += sum.total
            case .completedLate: overdue += sum.total
            case .refused: refused += sum.total
            case .open:
                open += sum.total
                overdue += sum.due
            case nil: break
            }
        }
    }

    public var month: YearMonth
    public var grouping: Grouping
    /// By key.
    public var rows: [Row]
    public var total: Row
    public var asOf: Date

    /// The figures from the rollup's sums of `month`, each keyed by its group.
    init(month: YearMonth, grouping: Grouping, sums: [FigureSum], at now: Date) {
        (rows, total) = sums.rows(Row.init(key:)) { $0.add($1) }
        self.month = month
        self.grouping = grouping
        self.asOf = now
    }

    /// The table's headings, in Chinese as the county offices write them.
    static let headings = ["分组", "受理件数", "当场办结", "按时办结", "超期", "不予受理或退回", "在办"]

    /// The figures as the county offices exchange them: CSV with Chinese headings, a byte order
    /// mark so that Excel reads it as UTF-8, CRLF line ends (RFC 4180), the total last.
    public var csv: String {
        let lines =
            [Self.headings.joined(separator: ",")]
            + (rows + [total]).map { row in
                [
                    Self.field(row.key), String(row.received), String(row.completedSameDay),
                    String(row.completedInTime), String(row.overdue), String(row.refused), String(row.open),
                ].joined(separator: ",")
            }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The same table as a workbook: numbers as numbers, the group's name as text (never a formula).
    public var workbook: XLSXWorkbook {
        XLSXWorkbook(
            sheetName: "\(month) \(grouping.rawValue)",
            rows: [Self.headings.map(XLSXWorkbook.Cell.text)]
                + (rows + [total]).map { row in
                    [.text(row.key)]
                        + [row.received, row.completedSameDay, row.completedInTime, row.overdue, row.refused, row.open]
                        .map(XLSXWorkbook.Cell.number)
                })
    }

    /// A field quoted when it holds a comma, quote or line end, and never read as a formula.
    static func field(_ text: String) -> String {
        let safe = text.first.map { "=+-@".contains($0) } == true ? "'" + text : text
        guard safe.contains(where: { ",\"\r\n".contains($0) }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

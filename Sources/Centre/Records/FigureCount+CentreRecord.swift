import Foundation

/// A row of `figureCount`, the rollup the console's figures are read from.
extension FigureCount: CentreRecord {
    static let tableName = "figureCount"

    enum Columns: Int, TableColumns {
        case family, month, regionCode, clerk, service, measure, dueAt, count
    }

    static let primaryKey: [Columns] = [.family, .month, .regionCode, .clerk, .service, .measure, .dueAt]

    init(row: TableRow<FigureCount>) throws {
        guard let family = Family(rawValue: try row.text(.family)) else { throw CorruptRow(Self.self, .family) }
        self.init(
            key: Key(
                family: family, month: try row.text(.month), regionCode: try row.text(.regionCode),
                clerk: try row.text(.clerk), service: try row.text(.service), measure: try row.text(.measure),
                dueAt: try row.integer(.dueAt)),
            count: Int(try row.integer(.count)))
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .family: .text(key.family.rawValue)
        case .month: .text(key.month)
        case .regionCode: .text(key.regionCode)
        case .clerk: .text(key.clerk)
        case .service: .text(key.service)
        case .measure: .text(key.measure)
        case .dueAt: .integer(key.dueAt)
        case .count: .integer(Int64(count))
        }
    }
}

import KioskCore
import Vocabulary

/// A row of `enrolment`, keyed (idNumber, insurance, since), months as ``YearMonth/index``.
extension Enrolment: CentreRecord {
    static let tableName = "enrolment"

    enum Columns: Int, TableColumns {
        case idNumber, insurance, since, until, status, unit
    }

    static let primaryKey: [Columns] = [.idNumber, .insurance, .since]

    init(row: TableRow<Enrolment>) throws {
        guard let insurance = InsuranceType(rawValue: try row.text(.insurance)) else {
            throw CorruptRow(Self.self, .insurance)
        }
        guard let status = Status(rawValue: try row.text(.status)) else { throw CorruptRow(Self.self, .status) }
        self.init(
            idNumber: try row.text(.idNumber), insurance: insurance,
            since: YearMonth(index: Int(try row.integer(.since))),
            until: try row.optionalInteger(.until).map { YearMonth(index: Int($0)) }, status: status,
            unit: try row.text(.unit))
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .idNumber: .text(idNumber)
        case .insurance: .text(insurance.rawValue)
        case .since: .integer(Int64(since.index))
        case .until: SQLValue(until?.index)
        case .status: .text(status.rawValue)
        case .unit: .text(unit)
        }
    }
}

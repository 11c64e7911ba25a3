import KioskCore
import Vocabulary

/// A row of `contribution`, keyed (idNumber, insurance, month), the month as ``YearMonth/index`` and
/// `paid` as 0 or 1.
extension Contribution: CentreRecord {
    static let tableName = "contribution"

    enum Columns: Int, TableColumns {
        case idNumber, insurance, month, baseFen, personalFen, employerFen, paid
    }

    static let primaryKey: [Columns] = [.idNumber, .insurance, .month]

    init(row: TableRow<Contribution>) throws {
        guard let insurance = InsuranceType(rawValue: try row.text(.insurance)) else {
            throw CorruptRow(Self.self, .insurance)
        }
        self.init(
            idNumber: try row.text(.idNumber), insurance: insurance,
            month: YearMonth(index: Int(try row.integer(.month))),
            baseFen: try row.integer(.baseFen), personalFen: try row.integer(.personalFen),
            employerFen: try row.integer(.employerFen), paid: try row.integer(.paid) != 0)
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .idNumber: .text(idNumber)
        case .insurance: .text(insurance.rawValue)
        case .month: .integer(Int64(month.index))
        case .baseFen: .integer(baseFen)
        case .personalFen: .integer(personalFen)
        case .employerFen: .integer(employerFen)
        case .paid: .integer(paid ? 1 : 0)
        }
    }
}

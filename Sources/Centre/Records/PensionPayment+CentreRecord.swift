import KioskCore
import Vocabulary

/// A row of `pensionPayment`, keyed (idNumber, month), the month as ``YearMonth/index``.
extension PensionPayment: CentreRecord {
    static let tableName = "pensionPayment"

    enum Columns: Int, TableColumns {
        case idNumber, month, amountFen, accountMasked
    }

    static let primaryKey: [Columns] = [.idNumber, .month]

    init(row: TableRow<PensionPayment>) throws {
        self.init(
            idNumber: try row.text(.idNumber), month: YearMonth(index: Int(try row.integer(.month))),
            amountFen: try row.integer(.amountFen), accountMasked: try row.text(.accountMasked))
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .idNumber: .text(idNumber)
        case .month: .integer(Int64(month.index))
        case .amountFen: .integer(amountFen)
        case .accountMasked: .text(accountMasked)
        }
    }
}

import GRDB
import KioskCore
import Vocabulary

/// A row of `pensionPayment`, keyed (idNumber, month).
struct PensionPaymentRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "pensionPayment"

    var idNumber: String
    var month: Int
    var amountFen: Int64
    var accountMasked: String

    enum Columns {
        static let idNumber = Column(CodingKeys.idNumber)
        static let month = Column(CodingKeys.month)
    }

    var payment: PensionPayment {
        PensionPayment(
            idNumber: idNumber, month: YearMonth(index: month), amountFen: amountFen, accountMasked: accountMasked)
    }

    static let upsert = """
        INSERT INTO pensionPayment (idNumber, month, amountFen, accountMasked) VALUES (?, ?, ?, ?)
        ON CONFLICT (idNumber, month) DO UPDATE SET amountFen = excluded.amountFen,
            accountMasked = excluded.accountMasked
        """

    static func upsertArguments(_ payment: PensionPayment) -> StatementArguments {
        [payment.idNumber, payment.month.index, payment.amountFen, payment.accountMasked]
    }
}

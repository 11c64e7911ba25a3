import GRDB
import KioskCore
import Vocabulary

/// A row of `contribution`, keyed (idNumber, insurance, month) with the month as ``YearMonth/index``:
/// a person's history is one contiguous range of the table, newest month last.
struct ContributionRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "contribution"

    var idNumber: String
    var insurance: InsuranceType
    var month: Int
    var baseFen: Int64
    var personalFen: Int64
    var employerFen: Int64
    var paid: Bool

    enum Columns {
        static let idNumber = Column(CodingKeys.idNumber)
        static let insurance = Column(CodingKeys.insurance)
        static let month = Column(CodingKeys.month)
    }

    /// Every column, in the order ``init(row:)`` reads them.
    static var databaseSelection: [any SQLSelectable] {
        [
            Columns.idNumber, Columns.insurance, Columns.month, Column(CodingKeys.baseFen),
            Column(CodingKeys.personalFen), Column(CodingKeys.employerFen), Column(CodingKeys.paid),
        ]
    }

    /// Reads the columns by position: a person's history is a few hundred rows per query, and
    /// decoding them by name through `Decodable` cost more than SQLite's own work.
    init(row: Row) throws {
        let insurance: String = row[1]
        guard let type = InsuranceType(rawValue: insurance) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: [CodingKeys.insurance], debugDescription: "unknown insurance type \(insurance)"))
        }
        idNumber = row[0]
        self.insurance = type
        month = row[2]
        baseFen = row[3]
        personalFen = row[4]
        employerFen = row[5]
        paid = row[6]
    }

    var contribution: Contribution {
        Contribution(
            idNumber: idNumber, insurance: insurance, month: YearMonth(index: month), baseFen: baseFen,
            personalFen: personalFen, employerFen: employerFen, paid: paid)
    }

    static let upsert = """
        INSERT INTO contribution (idNumber, insurance, month, baseFen, personalFen, employerFen, paid)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (idNumber, insurance, month) DO UPDATE SET baseFen = excluded.baseFen,
            personalFen = excluded.personalFen, employerFen = excluded.employerFen, paid = excluded.paid
        """

    static func upsertArguments(_ contribution: Contribution) -> StatementArguments {
        [
            contribution.idNumber, contribution.insurance.rawValue, contribution.month.index, contribution.baseFen,
            contribution.personalFen, contribution.employerFen, contribution.paid,
        ]
    }
}

import GRDB
import KioskCore
import Vocabulary

/// A row of `enrolment`: one insurance for one period; months are stored as ``YearMonth/index``.
struct EnrolmentRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "enrolment"

    var idNumber: String
    var insurance: InsuranceType
    var since: Int
    var until: Int?
    var status: Enrolment.Status
    var unit: String

    enum Columns {
        static let idNumber = Column(CodingKeys.idNumber)
        static let insurance = Column(CodingKeys.insurance)
        static let since = Column(CodingKeys.since)
    }

    var enrolment: Enrolment {
        Enrolment(
            idNumber: idNumber, insurance: insurance, since: YearMonth(index: since),
            until: until.map(YearMonth.init(index:)), status: status, unit: unit)
    }

    static let upsert = """
        INSERT INTO enrolment (idNumber, insurance, since, until, status, unit) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (idNumber, insurance, since) DO UPDATE SET until = excluded.until, status = excluded.status,
            unit = excluded.unit
        """

    static func upsertArguments(_ enrolment: Enrolment) -> StatementArguments {
        [
            enrolment.idNumber, enrolment.insurance.rawValue, enrolment.since.index, enrolment.until?.index,
            enrolment.status.rawValue, enrolment.unit,
        ]
    }
}

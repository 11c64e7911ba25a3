import GRDB
import KioskCore

/// A row of `jobPosting`.
struct JobPostingRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "jobPosting"

    var id: String
    var title: String
    var employer: String
    var regionCode: String
    var monthlyWageFromFen: Int64
    var monthlyWageToFen: Int64
    var postedOn: String
    var contact: String

    enum Columns {
        static let regionCode = Column(CodingKeys.regionCode)
        static let postedOn = Column(CodingKeys.postedOn)
    }

    var posting: JobPosting {
        JobPosting(
            id: id, title: title, employer: employer, regionCode: regionCode, monthlyWageFromFen: monthlyWageFromFen,
            monthlyWageToFen: monthlyWageToFen, postedOn: postedOn, contact: contact)
    }

    static let upsert = """
        INSERT INTO jobPosting (id, title, employer, regionCode, monthlyWageFromFen, monthlyWageToFen, postedOn, contact)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET title = excluded.title, employer = excluded.employer,
            regionCode = excluded.regionCode, monthlyWageFromFen = excluded.monthlyWageFromFen,
            monthlyWageToFen = excluded.monthlyWageToFen, postedOn = excluded.postedOn, contact = excluded.contact
        """

    static func upsertArguments(_ posting: JobPosting) -> StatementArguments {
        [
            posting.id, posting.title, posting.employer, posting.regionCode, posting.monthlyWageFromFen,
            posting.monthlyWageToFen, posting.postedOn, posting.contact,
        ]
    }
}

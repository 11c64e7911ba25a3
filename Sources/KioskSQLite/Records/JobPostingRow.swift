import Foundation
import GRDB
import KioskCore

/// A row of `jobPosting`; the skills as a JSON array.
struct JobPostingRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "jobPosting"

    var id: String
    var title: String
    var employer: String
    var regionCode: String
    var place: String
    var kind: String
    var skills: String
    var monthlyWageFromFen: Int64
    var monthlyWageToFen: Int64
    var postedOn: String
    var until: String?
    var contact: String
    var postedBy: String?

    enum Columns {
        static let regionCode = Column(CodingKeys.regionCode)
        static let postedOn = Column(CodingKeys.postedOn)
        static let until = Column(CodingKeys.until)
    }

    /// A kind or skills this version cannot read are a full-time job with none, as the page reads them.
    var posting: JobPosting {
        JobPosting(
            id: id, title: title, employer: employer, regionCode: regionCode, place: place,
            kind: JobPosting.Kind(rawValue: kind) ?? .fullTime,
            skills: (try? JSONDecoder().decode([String].self, from: Data(skills.utf8))) ?? [],
            monthlyWageFromFen: monthlyWageFromFen, monthlyWageToFen: monthlyWageToFen, postedOn: postedOn,
            until: until, contact: contact, postedBy: postedBy)
    }

    static let upsert = """
        INSERT INTO jobPosting (id, title, employer, regionCode, place, kind, skills, monthlyWageFromFen,
            monthlyWageToFen, postedOn, until, contact, postedBy)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET title = excluded.title, employer = excluded.employer,
            regionCode = excluded.regionCode, place = excluded.place, kind = excluded.kind, skills = excluded.skills,
            monthlyWageFromFen = excluded.monthlyWageFromFen, monthlyWageToFen = excluded.monthlyWageToFen,
            postedOn = excluded.postedOn, until = excluded.until, contact = excluded.contact,
            postedBy = excluded.postedBy
        """

    static func upsertArguments(_ posting: JobPosting) -> StatementArguments {
        [
            posting.id, posting.title, posting.employer, posting.regionCode, posting.place, posting.kind.rawValue,
            String(decoding: (try? JSONEncoder().encode(posting.skills)) ?? Data("[]".utf8), as: UTF8.self),
            posting.monthlyWageFromFen, posting.monthlyWageToFen, posting.postedOn, posting.until, posting.contact,
            posting.postedBy,
        ]
    }
}

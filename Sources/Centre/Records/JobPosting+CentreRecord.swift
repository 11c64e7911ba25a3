import Foundation
import KioskCore

/// A row of `jobPosting`; the skills as a JSON array.
extension JobPosting: CentreRecord {
    static let tableName = "jobPosting"

    enum Columns: Int, TableColumns {
        case id, title, employer, regionCode, monthlyWageFromFen, monthlyWageToFen, postedOn, contact, place, kind,
            skills, until, postedBy
    }

    init(row: TableRow<JobPosting>) throws {
        guard let kind = Kind(rawValue: try row.text(.kind)) else { throw CorruptRow(Self.self, .kind) }
        guard let skills = try? JSONDecoder().decode([String].self, from: Data(try row.text(.skills).utf8)) else {
            throw CorruptRow(Self.self, .skills)
        }
        self.init(
            id: try row.text(.id), title: try row.text(.title), employer: try row.text(.employer),
            regionCode: try row.text(.regionCode), place: try row.text(.place), kind: kind, skills: skills,
            monthlyWageFromFen: try row.integer(.monthlyWageFromFen),
            monthlyWageToFen: try row.integer(.monthlyWageToFen), postedOn: try row.text(.postedOn),
            until: try row.optionalText(.until), contact: try row.text(.contact),
            postedBy: try row.optionalText(.postedBy))
    }

    func value(of column: Columns) throws -> SQLValue {
        switch column {
        case .id: .text(id)
        case .title: .text(title)
        case .employer: .text(employer)
        case .regionCode: .text(regionCode)
        case .monthlyWageFromFen: .integer(monthlyWageFromFen)
        case .monthlyWageToFen: .integer(monthlyWageToFen)
        case .postedOn: .text(postedOn)
        case .contact: .text(contact)
        case .place: .text(place)
        case .kind: .text(kind.rawValue)
        case .skills: .text(String(decoding: try JSONEncoder().encode(skills), as: UTF8.self))
        case .until: until.map(SQLValue.text) ?? .null
        case .postedBy: postedBy.map(SQLValue.text) ?? .null
        }
    }
}

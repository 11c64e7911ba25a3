import KioskCore

/// A row of `jobPosting`.
extension JobPosting: CentreRecord {
    static let tableName = "jobPosting"

    enum Columns: Int, TableColumns {
        case id, title, employer, regionCode, monthlyWageFromFen, monthlyWageToFen, postedOn, contact
    }

    init(row: TableRow<JobPosting>) throws {
        self.init(
            id: try row.text(.id), title: try row.text(.title), employer: try row.text(.employer),
            regionCode: try row.text(.regionCode), monthlyWageFromFen: try row.integer(.monthlyWageFromFen),
            monthlyWageToFen: try row.integer(.monthlyWageToFen), postedOn: try row.text(.postedOn),
            contact: try row.text(.contact))
    }

    func value(of column: Columns) -> SQLValue {
        switch column {
        case .id: .text(id)
        case .title: .text(title)
        case .employer: .text(employer)
        case .regionCode: .text(regionCode)
        case .monthlyWageFromFen: .integer(monthlyWageFromFen)
        case .monthlyWageToFen: .integer(monthlyWageToFen)
        case .postedOn: .text(postedOn)
        case .contact: .text(contact)
        }
    }
}

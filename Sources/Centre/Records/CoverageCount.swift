/// One count of ``CentreSQL/coverage(in:)``: the people of a village measured one way (its
/// population, an insurance's active enrolments or a ``CoverageScheme``'s cover).
struct CoverageCount: FetchableCentreRecord, Sendable {
    static let tableName = "person"

    enum Columns: Int, TableColumns {
        case regionCode, measure, people
    }

    var regionCode: String
    var measure: String
    var people: Int

    init(row: TableRow<CoverageCount>) throws {
        regionCode = try row.text(.regionCode)
        measure = try row.text(.measure)
        people = Int(try row.integer(.people))
    }
}

/// A region taken off `figureRegionChanged` (``CentreSQL/takeChangedRegions(limit:)``), whose
/// figures' counts are to be made again.
struct ChangedRegion: FetchableCentreRecord, Sendable {
    static let tableName = "figureRegionChanged"

    enum Columns: Int, TableColumns {
        case regionCode
    }

    var regionCode: String

    init(row: TableRow<ChangedRegion>) throws { regionCode = try row.text(.regionCode) }
}

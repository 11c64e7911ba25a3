import GRDB

/// The single row of `cacheState`: where the next pull of reference data starts, the centre's
/// time of the last page applied, and whether a first load finished, written in that page's
/// transaction.
struct CacheStateRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "cacheState"

    /// Always 1: the table has one row.
    var id = 1
    var cursor: String
    var asOf: Int64
    /// False while a snapshot is being loaded: its cursor is not one to pull changes from yet.
    var loaded: Bool
    /// While a snapshot is being loaded: the centre's token for going on after the last page stored.
    var resumeAfter: String?

    enum Columns {
        static let asOf = Column(CodingKeys.asOf)
    }
}

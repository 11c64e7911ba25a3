import GRDB

/// The single row of `cacheState`: where the next pull of reference data starts and the centre's
/// time of the last page applied, written in that page's transaction.
struct CacheStateRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "cacheState"

    /// Always 1: the table has one row.
    var id = 1
    var cursor: String
    var asOf: Int64
}

import GRDB
import KioskCore

/// A row of `satisfactionRating`.
struct SatisfactionRatingRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "satisfactionRating"

    var id: String
    var level: String
    var reason: String?
    var channel: String
    var service: String?
    var servedBy: String?
    var regionCode: String
    var at: Int64

    init(_ rating: SatisfactionRating) {
        id = rating.id
        level = rating.level.rawValue
        reason = rating.reason
        channel = rating.channel.rawValue
        service = rating.service?.rawValue
        servedBy = rating.servedBy
        regionCode = rating.regionCode
        at = rating.at.milliseconds
    }
}

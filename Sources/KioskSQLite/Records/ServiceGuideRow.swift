import Foundation
import GRDB
import KioskCore

/// A row of `serviceGuide`: a service's guide as the county published it, as JSON.
struct ServiceGuideRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "serviceGuide"

    var kind: String
    var json: String

    enum CodingKeys: String, CodingKey {
        case kind
        case json = "guide"
    }

    init(_ guide: ServiceGuide) throws {
        kind = guide.kind.rawValue
        json = String(decoding: try JSONEncoder().encode(guide), as: UTF8.self)
    }

    func guide() throws -> ServiceGuide { try JSONDecoder().decode(ServiceGuide.self, from: Data(json.utf8)) }
}

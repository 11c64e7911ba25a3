import Foundation
import GRDB
import KioskCore

/// A row of `serviceRoute` (v15): a service's route as the centre published it, the steps as JSON.
struct ServiceRouteRow: FetchableRecord, PersistableRecord {
    static let databaseTableName = "serviceRoute"

    var route: ServiceRoute

    init(_ route: ServiceRoute) { self.route = route }

    init(row: Row) throws {
        guard let kind = ApplicationKind(rawValue: row["kind"]) else {
            throw KioskError.invalid("service-route", chinese: "办理流程数据损坏。", english: "A stored route is damaged.")
        }
        route = ServiceRoute(
            kind: kind,
            steps: try JSONDecoder().decode([ServiceRoute.Step].self, from: Data((row["steps"] as String).utf8)))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["kind"] = route.kind.rawValue
        container["steps"] = String(decoding: try JSONEncoder().encode(route.steps), as: UTF8.self)
    }
}

/// The routes in force: the centre's for the services it has published, the national route for
/// the others. Kept by both the centre and every terminal, so that both route a case alike.
public struct ServiceRoutes: Hashable, Sendable {
    public private(set) var published: [ApplicationKind: ServiceRoute]

    public init(published: [ServiceRoute] = []) {
        self.published = Dictionary(published.map { ($0.kind, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Only the national routes.
    public static let national = ServiceRoutes()

    public func route(for kind: ApplicationKind) -> ServiceRoute {
        published[kind] ?? .national(kind)
    }

    /// These routes with `routes` in place of any for the same services.
    public func replacing(with routes: [ServiceRoute]) -> ServiceRoutes {
        ServiceRoutes(published: Array(published.values) + routes)
    }

    /// Every service's route, in the order of the services.
    public var all: [ServiceRoute] { ApplicationKind.allCases.map(route(for:)) }
}

import Diagnostics
import Documents
import Foundation
import Hummingbird
import KioskCore
import Logging
import Printing
import ServiceLifecycle
import Supervision

/// The terminal service assembled: the API over the store, the staff sessions, the kiosk's card
/// session, the desk's card writer, the printers and the event stream. `application()` returns the Hummingbird application without
/// running it, so tests drive it through HummingbirdTesting.
public struct KioskTerminal: Sendable {
    /// This build's version, reported by `/api/health` and `sskiosk --version`.
    public static let version = "0.1.0"

    public let configuration: KioskServerConfiguration
    let api: KioskAPI<BasicRequestContext>
    let controller: KioskSessionController
    let logger: Logger

    public init(
        configuration: KioskServerConfiguration,
        store: any KioskStore,
        cards: ResidentCardReader,
        desk: DeskCardWriter,
        printService: any PrintService,
        documentSigner: any PayloadSigner,
        logger: Logger = Logger(label: "sskiosk.server"),
        now: @escaping @Sendable () -> Date = Date.init,
        diagnostics: (@Sendable (_ cardInUse: Bool) async -> DiagnosticsReport)? = nil,
        sync: SyncMonitor? = nil,
        certificates: (any DocumentRegister)? = nil
    ) {
        let events = EventHub()
        let controller = KioskSessionController(
            reader: configuration.residentReader,
            cards: cards,
            events: events,
            idleTimeout: configuration.idleTimeout,
            logger: logger
        )
        self.configuration = configuration
        self.controller = controller
        self.logger = logger
        api = KioskAPI(
            services: KioskServices(store: store, now: now),
            staff: StaffSessions(store: store, idleLimit: configuration.staffIdleLock), kiosk: controller,
            events: events,
            printing: PrintDesk(service: printService, store: store, events: events, logger: logger),
            documents: TerminalDocuments(store: store, renderer: DocumentRenderer(signer: documentSigner)),
            desk: desk, configuration: configuration, now: now, startedAt: now(), diagnostics: diagnostics,
            sync: sync, certificates: certificates)
    }

    /// The routes, as registered: for the OpenAPI check.
    public var routes: [(method: String, path: String)] { api.routes.map { ($0.method.rawValue, $0.path) } }

    /// The API behind its middleware; `addRoutes` comes before the API's routes, so that a middleware
    /// it adds (the metrics') sees them too.
    public func router(adding addRoutes: (Router<BasicRequestContext>) -> Void = { _ in }) -> Router<
        BasicRequestContext
    > {
        let router = Router()
        router.add(middleware: APIErrorMiddleware())
        router.add(middleware: LocalOriginMiddleware(configuration: configuration))
        addRoutes(router)
        for route in api.routes {
            router.on(RouterPath(stringLiteral: route.path), method: route.method, use: route.handler)
        }
        return router
    }

    /// The application with the reader monitor and `background` services (the sync sender)
    /// beside it; `watchCards` false leaves the card side out (API tests with no rig).
    /// `addRoutes` mounts more on the same port beside the API (the pages), which the service
    /// otherwise knows nothing of. `supervisor` tells systemd, and the start record, once it listens.
    public func application(
        watchCards: Bool = true, background: [any Service] = [],
        addRoutes: (Router<BasicRequestContext>) -> Void = { _ in },
        supervisor: SystemdSupervisor = SystemdSupervisor()
    ) -> some ApplicationProtocol {
        let router = router(adding: addRoutes)
        return Application(
            router: router,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "sskiosk"),
            services: (watchCards ? [CardEventService(controller: controller, logger: logger)] : []) + background,
            onServerRunning: { supervisor.serverRunning(on: $0) },
            logger: logger
        )
    }
}

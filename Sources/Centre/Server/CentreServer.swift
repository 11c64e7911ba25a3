import BodyCompression
import Foundation
import Hummingbird
import HummingbirdTLS
import KioskCore
import Logging
import NIOCore
import Supervision

/// The sync service of docs/SYNC.md over HTTPS with client certificates: commands and the ledger's
/// head up, changes, snapshots and the ledger's anchor down, each for the terminal its bearer
/// token names and inside its jurisdiction.
public struct CentreServer: Sendable {
    public static let version = "1"
    /// At most this many commands per push (docs/SYNC.md).
    public static let maximumCommands = 200
    public static let defaultChangeLimit = 1000
    public static let maximumChangeLimit = 5000
    /// The longest a `GET /sync/v1/changes?wait=` holds a terminal waiting for a change, in seconds:
    /// under the terminal's read timeout and the idle timeouts of the links in between.
    public static let maximumChangeWait = 30
    /// How often a waiting change request looks at the centre's change counter. One counter read
    /// per waiting terminal; the page is read again only when the counter moved.
    static let changeWaitCheck = Duration.milliseconds(250)
    /// How often the figures' rollup is brought up with the records in the background.
    static let figureRefreshInterval = Duration.seconds(5)
    /// The body of a document check: one scanned code.
    static let maximumVerifyBytes = 64 << 10

    public let store: any CentreStore
    public var host: String
    public var port: Int
    public var tls: CentreTLS
    public var logger: Logger
    /// How often one terminal may start a snapshot.
    public var snapshotLimit: SnapshotLimit
    /// The centre's CA for terminals: with it, terminals enrol (`POST /enrol/v1`) and its certificates are trusted.
    public var authority: TerminalAuthority?
    /// How many changes the centre may have made since a snapshot's cursor for a terminal to resume it;
    /// beyond, 410 `snapshot-expired`: the changes since would outweigh what is left of the load.
    public var snapshotResumeLimit: Int64
    /// ``snapshotResumeLimit`` when none is configured.
    public static let standardSnapshotResumeLimit = 100_000
    /// Who is signed in to the console.
    public let sessions: ConsoleSessions
    /// Mounts the console's pages beside its API (KioskWeb's `ConsolePages`) and the metrics, before the
    /// centre's own routes; the centre knows nothing of them.
    public var addPages: @Sendable (Router<CentreRequestContext>) -> Void
    /// Tells systemd the centre is ready, beats its watchdog, and keeps the start's outcome.
    public var supervisor: SystemdSupervisor
    /// Wrong enrolment codes by client address, which make an address wait once too many.
    public let enrolmentAttempts: EnrolmentAttempts

    public init(
        store: any CentreStore, host: String, port: Int, tls: CentreTLS, logger: Logger,
        snapshotLimit: SnapshotLimit = .standard, authority: TerminalAuthority? = nil,
        snapshotResumeLimit: Int64 = Int64(standardSnapshotResumeLimit),
        supervisor: SystemdSupervisor = SystemdSupervisor(),
        enrolmentAttempts: EnrolmentAttempts = EnrolmentAttempts(),
        addPages: @escaping @Sendable (Router<CentreRequestContext>) -> Void = { _ in }
    ) {
        self.store = store
        self.host = host
        self.port = port
        self.tls = tls
        self.logger = logger
        self.snapshotLimit = snapshotLimit
        self.authority = authority
        self.snapshotResumeLimit = snapshotResumeLimit
        self.sessions = ConsoleSessions(store: store, logger: logger)
        self.addPages = addPages
        self.supervisor = supervisor
        self.enrolmentAttempts = enrolmentAttempts
    }

    /// The service, ready to run; `onServerRunning` learns the bound port (port 0 picks a free one).
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws
        -> some ApplicationProtocol
    {
        Application(
            router: router(),
            server: try .tls(.http1(), tlsConfiguration: tls.configuration(authority: authority)),
            configuration: .init(address: .hostname(host, port: port), serverName: "sskiosk-centre"),
            services: [FigureRollupService(store: store, interval: Self.figureRefreshInterval, logger: logger)],
            onServerRunning: { channel in
                supervisor.serverRunning(on: channel)
                await onServerRunning(channel.localAddress?.port ?? 0)
            },
            logger: logger)
    }

    func router() -> Router<CentreRequestContext> {
        let router = Router(context: CentreRequestContext.self)
        router.middlewares.add(CentreErrorMiddleware())
        // First, so that a middleware it adds (the metrics') sees every route after it.
        addPages(router)
        router.get("health") { _, _ in
            try await store.checkHealth()
            return try CentreJSON.response(["status": "ok", "version": Self.version])
        }
        if let authority {
            router.post("enrol/v1") { request, context in
                let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
                let now = Date()
                try enrolmentAttempts.check(address, at: now)
                let body = try await CentreJSON.decode(
                    TerminalEnrolmentRequest.self, from: request, limit: TerminalEnrolmentRequest.maximumBytes)
                let answer: TerminalEnrolmentAnswer
                do {
                    answer = try await TerminalEnrolment(store: store, authority: authority).enrol(body, at: now)
                } catch let error as CentreError where error.code == .enrolmentCodeRefused {
                    enrolmentAttempts.refused(address, at: now)
                    throw error
                }
                logger.info("terminal enrolled", metadata: ["terminal": "\(answer.terminalID)"])
                return try CentreJSON.response(answer)
            }
        }
        let sync = router.group("sync/v1").add(middleware: TerminalAuthentication(store: store))
        sync.post("commands") { request, context in try await push(request, context) }
        sync.get("changes") { request, context in try await changes(request, context) }
        sync.get("snapshot") { request, context in try await snapshot(request, context) }
        sync.get("ledger/anchor") { request, context in
            try CentreJSON.response(try await store.ledgerAnchor(of: try context.requireTerminal()), for: request)
        }
        sync.post("heartbeat") { request, context in try await heartbeat(request, context) }
        sync.post("verify") { request, _ in
            let body = try await CentreJSON.decode(
                DocumentCheckRequest.self, from: request, limit: Self.maximumVerifyBytes)
            return try CentreJSON.response(try await store.verify(qrText: body.qr))
        }
        addConsoleRoutes(to: router)
        return router
    }

    private func push(_ request: Request, _ context: CentreRequestContext) async throws -> Response {
        let terminal = try context.requireTerminal()
        let body = try await CentreJSON.decode(
            SyncPushRequest.self, from: request, limit: SyncPushRequest.maximumBytes)
        guard body.commands.count <= Self.maximumCommands else {
            throw CentreError.tooManyCommands(limit: Self.maximumCommands)
        }
        guard [body.ledgerHead, body.ledgerAtAnchor].allSatisfy({ $0?.isWellFormed ?? true }) else {
            throw CentreError.malformedBody
        }
        let now = Date()
        var response = SyncPushResponse(results: try await store.apply(body.commands, from: terminal, at: now))
        if let head = body.ledgerHead {
            let anchor = try await store.anchorLedger(head, atAnchor: body.ledgerAtAnchor, of: terminal, at: now)
            if anchor.outcome == .refused {
                logger.warning(
                    "ledger head refused", metadata: ["terminal": "\(terminal.id)", "reason": "\(anchor.reason ?? "")"])
            }
            response.ledgerAnchor = anchor
        }
        return try CentreJSON.response(response, for: request)
    }

    private func changes(_ request: Request, _ context: CentreRequestContext) async throws -> Response {
        let terminal = try context.requireTerminal()
        let query = request.uri.queryParameters
        guard let cursor = SyncCursor(query.get("after") ?? "") else { throw CentreError.malformedCursor }
        let limit = min(Self.maximumChangeLimit, max(1, query.get("limit", as: Int.self) ?? Self.defaultChangeLimit))
        let jurisdiction = try area(request, of: terminal)
        let wait = min(Self.maximumChangeWait, max(0, query.get("wait", as: Int.self) ?? 0))
        var answer = try await changes(after: cursor, in: jurisdiction, limit: limit, waiting: .seconds(wait))
        if wait > 0 { answer.wait = wait }
        return try CentreJSON.response(answer, for: request)
    }

    /// The page after `cursor`; when it is empty, held up to `wait` until a change in the
    /// jurisdiction comes (the long-poll of docs/SYNC.md), so that a decision at the centre
    /// reaches a listening terminal at once. Changes elsewhere move the counter but not the
    /// page: the wait goes on.
    private func changes(after cursor: SyncCursor, in jurisdiction: Jurisdiction, limit: Int, waiting wait: Duration)
        async throws -> SyncChanges
    {
        let deadline = ContinuousClock.now + wait
        var seen = try await store.currentCursor()
        var answer = try await store.changes(after: cursor, in: jurisdiction, limit: limit, at: Date())
        while answer.page.isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: Self.changeWaitCheck)
            let current = try await store.currentCursor()
            guard current > seen else { continue }
            seen = current
            answer = try await store.changes(after: cursor, in: jurisdiction, limit: limit, at: Date())
        }
        return answer
    }

    /// NDJSON, one page per line, written as it is read: the link's pace holds back the reading.
    /// In gzip when the terminal asks for it, each page flushed so that it can be applied on arrival.
    /// With `cursor` and `resume` (a page's `resumeAfter`) it goes on after that page at that cursor.
    /// Each start counts against ``snapshotLimit`` (429 with `Retry-After` beyond it) and goes on
    /// the centre's record with the rows sent, however the stream ends.
    private func snapshot(_ request: Request, _ context: CentreRequestContext) async throws -> Response {
        let terminal = try context.requireTerminal()
        let jurisdiction = try area(request, of: terminal)
        let store = store
        let logger = context.logger
        let resumption = try await resumption(request)
        let pull: SnapshotPull
        do {
            pull = try await store.startSnapshot(
                by: terminal, of: jurisdiction, resuming: resumption?.cursor, limit: snapshotLimit, at: Date())
        } catch let error as CentreError where error.code == .tooManySnapshots {
            logger.warning("snapshot refused: too many", metadata: ["jurisdiction": "\(jurisdiction)"])
            throw error
        }
        let coding = ContentCoding.preferred(acceptEncoding: request.headers[.acceptEncoding])
        return Response(
            status: .ok, headers: CentreJSON.headers(contentType: "application/x-ndjson", coding: coding),
            body: ResponseBody { writer in
                let encoder = SyncJSON.encoder()
                var deflater = coding == .gzip ? try GzipDeflater() : nil
                var rows = 0
                do {
                    try await store.snapshot(
                        of: jurisdiction, from: pull.cursor, after: resumption?.position, at: Date()
                    ) { page in
                        var line = try encoder.encode(page)
                        line.append(UInt8(ascii: "\n"))
                        let bytes = ByteBuffer(data: line)
                        try await writer.write(try deflater?.deflate(bytes) ?? bytes)
                        rows += page.rowCount
                    }
                    if let last = try deflater?.finish() { try await writer.write(last) }
                } catch {
                    try? await store.endSnapshot(pull.id, rowCount: rows, finishedAt: nil)
                    logger.warning(
                        "snapshot broke off",
                        metadata: ["jurisdiction": "\(jurisdiction)", "cursor": "\(pull.cursor)", "rows": "\(rows)"])
                    throw error
                }
                try await store.endSnapshot(pull.id, rowCount: rows, finishedAt: Date())
                logger.info(
                    "snapshot sent",
                    metadata: [
                        "jurisdiction": "\(jurisdiction)", "cursor": "\(pull.cursor)", "rows": "\(rows)",
                        "resumed": "\(resumption != nil)", "encoding": "\(coding)",
                    ])
                try await writer.finish(nil)
            })
    }

    /// The snapshot a terminal goes on with (`cursor` and `resume`), or nil for a fresh start; 410 when
    /// the centre has moved more than ``snapshotResumeLimit`` changes past its cursor, or the token
    /// does not open.
    private func resumption(_ request: Request) async throws -> (cursor: SyncCursor, position: SnapshotPosition)? {
        let query = request.uri.queryParameters
        guard let token = query.get("resume") else { return nil }
        let current = try await store.currentCursor()
        guard let cursor = SyncCursor(query.get("cursor") ?? "x"), cursor <= current else {
            throw CentreError.malformedCursor
        }
        // A token that does not open was sealed before this centre restarted (or never by it): the
        // terminal starts afresh, as it does when the centre has moved on too far.
        guard let position = SnapshotPosition(token: token), current.sequence - cursor.sequence <= snapshotResumeLimit
        else { throw CentreError.snapshotExpired }
        return (cursor, position)
    }

    /// The terminal's jurisdiction, or the narrower `region` it asks for; 403 outside it.
    private func area(_ request: Request, of terminal: RegisteredTerminal) throws -> Jurisdiction {
        guard let region = request.uri.queryParameters.get("region") else { return terminal.jurisdiction }
        guard let narrower = try? Jurisdiction(region), terminal.jurisdiction.contains(narrower.regionPrefix) else {
            throw CentreError.outsideJurisdiction
        }
        return narrower
    }
}

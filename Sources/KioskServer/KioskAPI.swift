import Diagnostics
import Foundation
import Hummingbird
import KioskCore
import ServiceLifecycle
import SocialSecurityCard
import Vocabulary

/// The terminal's HTTP API: kiosk session, resident, staff and desk endpoints.
struct KioskAPI<Context: RequestContext>: Sendable {
    let services: KioskServices
    let staff: StaffSessions
    let kiosk: KioskSessionController
    let events: EventHub
    let printing: PrintDesk
    let documents: TerminalDocuments
    let desk: DeskCardWriter
    let configuration: KioskServerConfiguration
    let now: @Sendable () -> Date
    /// When the service started, for the uptime in `/api/health`.
    let startedAt: Date
    /// Runs the terminal's diagnostics for a technician, told whether a resident's session holds
    /// the card; `nil`: the endpoint answers 404.
    let diagnostics: (@Sendable (_ cardInUse: Bool) async -> DiagnosticsReport)?
    /// The sync sender's view of the link; `nil`: the terminal runs without a centre.
    let sync: SyncMonitor?
    /// The centre's register of issued documents; `nil`: the terminal runs without a centre.
    let certificates: (any DocumentRegister)?
    /// The kiosk page's last heartbeat, for the kiosk shell's watchdog.
    let heartbeat = PageHeartbeat()

    var routes: [APIRoute<Context>] {
        [
            APIRoute(.get, "/api/health", health),
            APIRoute(.get, "/api/diagnostics", runDiagnostics),
            APIRoute(.get, "/api/sync", syncStatus),
            // The kiosk's session
            APIRoute(.get, "/api/session") { _, _ in try JSONBody.response(await kiosk.status()) },
            APIRoute(.post, "/api/session/pin", submitPIN),
            APIRoute(.delete, "/api/session", exitSession),
            APIRoute(.get, "/api/events", eventStream),
            APIRoute(.get, "/api/guides") { _, _ in
                try JSONBody.response(try await services.serviceGuides().map(ServiceGuideJSON.init))
            },
            APIRoute(.get, "/api/notices") { _, _ in try JSONBody.response(try await services.notices()) },
            // The resident, by the token their PIN opened
            APIRoute(.get, "/api/me", me),
            APIRoute(.get, "/api/me/contributions", myContributions),
            APIRoute(.get, "/api/me/pension-payments", myPensionPayments),
            APIRoute(.post, "/api/me/applications", myApplication),
            APIRoute(.get, "/api/me/applications", myApplications),
            APIRoute(.post, "/api/me/pin", changeMyPIN),
            APIRoute(.post, "/api/me/loss-report", reportMyLoss),
            // Staff
            APIRoute(.post, "/api/staff/login", login),
            APIRoute(.post, "/api/staff/password", changePassword),
            APIRoute(.post, "/api/staff/logout", logout),
            APIRoute(.post, "/api/staff/activity", staffActivity),
            APIRoute(.get, "/api/people/{idNumber}", person),
            APIRoute(.get, "/api/people/{idNumber}/contributions", contributions),
            APIRoute(.post, "/api/applications", submitApplication),
            APIRoute(.get, "/api/applications", listApplications),
            APIRoute(.get, "/api/applications/{id}", caseFile),
            APIRoute(.post, "/api/applications/{id}/status", moveApplication),
            APIRoute(.post, "/api/applications/{id}/report-up", reportUp),
            APIRoute(.post, "/api/applications/{id}/owner", changeOwner),
            APIRoute(.post, "/api/cards", requestCard),
            APIRoute(.post, "/api/cards/{cardNumber}/status", moveCard),
            APIRoute(.get, "/api/statistics", statistics),
            APIRoute(.get, "/api/ledger/verify", verifyLedger),
        ] + printRoutes + deskRoutes + photoRoutes + retireeRoutes + employmentRoutes + jobRoutes + trainingRoutes
            + appointmentRoutes + residentPensionRoutes + disputeRoutes
            + ratingRoutes
            + verificationRoutes + heartbeatRoutes
    }

    // MARK: The service itself

    struct Health: Encodable {
        var status = "ok"
        var version = KioskTerminal.version
        var uptimeSeconds: Double
    }

    private func health(_ request: Request, _ context: Context) async throws -> Response {
        try JSONBody.response(Health(uptimeSeconds: max(0, now().timeIntervalSince(startedAt))))
    }

    /// The technician's diagnostics report; it holds no personal data by construction.
    private func runDiagnostics(_ request: Request, _ context: Context) async throws -> Response {
        try AccessPolicy.authorize(try await principal(request), .runDiagnostics)
        guard let diagnostics else { throw KioskError.notFound("diagnostics", chinese: "诊断功能") }
        return try JSONBody.response(await diagnostics(await kiosk.holdsCard))
    }

    /// Writes not yet at the centre and the cache's age: counts and times only, for any staff.
    private func syncStatus(_ request: Request, _ context: Context) async throws -> Response {
        guard case .staff = try await principal(request) else { throw KioskError.forbidden("sync-status") }
        return try JSONBody.response(try await SyncStatus.read(from: services.store, monitor: sync))
    }

    // MARK: Who is asking

    func bearer(_ request: Request) -> String? {
        guard let value = request.headers[.authorization], value.hasPrefix("Bearer ") else { return nil }
        return String(value.dropFirst(7))
    }

    func principal(_ request: Request) async throws -> Principal {
        guard let token = bearer(request) else { throw KioskError.notSignedIn }
        if let member = try await staff.member(for: token, at: now()) { return .staff(member) }
        if let resident = await kiosk.principal(for: token, at: now()) { return resident }
        throw KioskError.notSignedIn
    }

    /// The member of staff calling a desk route that names a record by its number or id: a
    /// resident's token is refused before anything is looked up, so the answer never tells whether
    /// the record is in the cache (residents reach their own records through `/api/me`).
    func staffPrincipal(_ request: Request) async throws -> Principal {
        let principal = try await principal(request)
        guard case .staff = principal else { throw KioskError.forbidden("desk") }
        return principal
    }

    /// The resident whose card session `request` carries; staff are refused (403), as these
    /// routes are the card holder's own.
    func resident(_ request: Request) async throws -> (token: String, idNumber: String) {
        guard let token = bearer(request) else { throw KioskError.notSignedIn }
        if case .resident(let idNumber)? = await kiosk.principal(for: token, at: now()) { return (token, idNumber) }
        if try await staff.member(for: token, at: now()) != nil { throw KioskError.forbidden("resident-only") }
        throw KioskError.notSignedIn
    }

    // MARK: Kiosk session

    struct SessionStarted: Encodable {
        var token: String
        var name: String
    }

    /// `{"pin": "123456", "card": "…"}`: `card` is the insertion the page asked the PIN for ("card"
    /// of "pin-required"); absent, the card in the reader now. The PIN goes from the body's bytes to
    /// the card (``PINBody``).
    private func submitPIN(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await PINBody(request)
        let started = try await kiosk.submitPIN(try body.pin("pin", length: 6), for: try body.string("card"), at: now())
        return try JSONBody.response(SessionStarted(token: started.token, name: started.name), status: .created)
    }

    private func exitSession(_ request: Request, _ context: Context) async throws -> Response {
        if let token = bearer(request) { await kiosk.exit(token: token) }
        return Response(status: .noContent)
    }

    /// Server-sent events: one `data:` line of JSON per event, and a comment line every
    /// `eventKeepAlive` seconds to keep proxies and the browser from closing an idle stream.
    private func eventStream(_ request: Request, _ context: Context) async throws -> Response {
        guard let stream = await events.subscribe() else { throw APIError.tooManyStreams }
        let body = EventStreamBody(events: stream, keepAlive: .seconds(configuration.eventKeepAlive))
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                // A stream waits for the next event even after its client has gone: on shutdown
                // every stream is ended, or the server would wait for them for ever.
                try await withGracefulShutdownHandler {
                    try await body.write(to: &writer)
                } onGracefulShutdown: {
                    Task { await events.finishAll() }
                }
            })
    }

    // MARK: The resident

    private func me(_ request: Request, _ context: Context) async throws -> Response {
        let (_, idNumber) = try await resident(request)
        return try JSONBody.response(try await services.summary(of: idNumber, for: .resident(idNumber: idNumber)))
    }

    private func myContributions(_ request: Request, _ context: Context) async throws -> Response {
        let (_, idNumber) = try await resident(request)
        return try await contributionList(idNumber, request, .resident(idNumber: idNumber))
    }

    private func myPensionPayments(_ request: Request, _ context: Context) async throws -> Response {
        let (_, idNumber) = try await resident(request)
        return try JSONBody.response(
            try await services.pensionPayments(of: idNumber, for: .resident(idNumber: idNumber)))
    }

    struct ApplicationRequest: Decodable {
        var kind: ApplicationKind
        var idNumber: String?
        var details: [String: String]?
    }

    private func myApplication(_ request: Request, _ context: Context) async throws -> Response {
        let (_, idNumber) = try await resident(request)
        let body = try await JSONBody.decode(ApplicationRequest.self, from: request)
        let draft = ApplicationDraft(kind: body.kind, idNumber: idNumber, details: body.details ?? [:])
        return try JSONBody.response(
            try await services.submit(draft, by: .resident(idNumber: idNumber)), status: .created)
    }

    private func myApplications(_ request: Request, _ context: Context) async throws -> Response {
        let (_, idNumber) = try await resident(request)
        return try JSONBody.response(
            try await services.progress(of: idNumber, for: .resident(idNumber: idNumber)))
    }

    private func changeMyPIN(_ request: Request, _ context: Context) async throws -> Response {
        let (token, _) = try await resident(request)
        let body = try await PINBody(request)
        try await kiosk.changePIN(
            token: token, from: try body.pin("old", length: 6), to: try body.pin("new", length: 6))
        return Response(status: .noContent)
    }

    private func reportMyLoss(_ request: Request, _ context: Context) async throws -> Response {
        let (token, idNumber) = try await resident(request)
        guard let card = await kiosk.card(for: token) else { throw KioskError.notSignedIn }
        let record = try await services.reportLoss(cardNumber: card.cardNumber.value, by: .resident(idNumber: idNumber))
        return try JSONBody.response(record)
    }

    // MARK: Staff

    struct LoginRequest: Decodable {
        var id: String
        var password: String
    }
    struct LoginResponse: Encodable {
        var token: String
        /// The member's staff id, which the desk names them by (a home visit assigned to them).
        var id: String
        var name: String
        var role: Role
        var jurisdiction: String
        /// The page locks after this long without input; the token ends after as long without a call.
        var idleLockSeconds: Int
    }

    private func login(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONBody.decode(LoginRequest.self, from: request)
        let (token, member) = try await staff.login(id: body.id, password: body.password, at: now())
        return try await signedIn(token, member)
    }

    /// The answer to a sign-in, and to a password change, which signs in too.
    private func signedIn(_ token: String, _ member: StaffMember) async throws -> Response {
        try JSONBody.response(
            LoginResponse(
                token: token, id: member.id, name: member.name, role: member.role,
                jurisdiction: member.jurisdiction.regionPrefix,
                idleLockSeconds: Int(await staff.idleLimit)))
    }

    struct PasswordChangeRequest: Decodable {
        var id: String
        var password: String
        var newPassword: String
    }

    private func changePassword(_ request: Request, _ context: Context) async throws -> Response {
        let body = try await JSONBody.decode(PasswordChangeRequest.self, from: request)
        let (token, member) = try await staff.changePassword(
            id: body.id, password: body.password, newPassword: body.newPassword, at: now())
        return try await signedIn(token, member)
    }

    private func logout(_ request: Request, _ context: Context) async throws -> Response {
        if let token = bearer(request) { await staff.logout(token) }
        return Response(status: .noContent)
    }

    /// The clerk is at the desk (typing, pointing) though the page makes no call: the token's idle
    /// time starts again, as the page's own idle lock does.
    private func staffActivity(_ request: Request, _ context: Context) async throws -> Response {
        guard case .staff = try await principal(request) else { throw KioskError.forbidden("staff-activity") }
        return Response(status: .noContent)
    }

    private func person(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        let idNumber = try context.parameters.require("idNumber")
        return try JSONBody.response(try await services.summary(of: idNumber, for: principal))
    }

    private func contributions(_ request: Request, _ context: Context) async throws -> Response {
        try await contributionList(try context.parameters.require("idNumber"), request, try await principal(request))
    }

    private func contributionList(_ idNumber: String, _ request: Request, _ principal: Principal) async throws
        -> Response
    {
        let query = request.uri.queryParameters
        let insurance = try query.get("insurance").map { value throws(KioskError) in
            guard let insurance = InsuranceType(rawValue: String(value)) else {
                throw .invalid("insurance", chinese: "险种有误。", english: "Unknown insurance type.")
            }
            return insurance
        }
        let list = try await services.contributions(
            of: idNumber,
            insurance: insurance,
            from: query.get("from").flatMap { YearMonth(String($0)) },
            to: query.get("to").flatMap { YearMonth(String($0)) },
            for: principal
        )
        return JSONBody.response(json: ContributionsJSON.encode(list))
    }

    private func submitApplication(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        let body = try await JSONBody.decode(ApplicationRequest.self, from: request)
        guard let idNumber = body.idNumber else {
            throw KioskError.invalid(
                "id-number", chinese: "请填写身份证号码。", english: "The application needs the person's ID number.")
        }
        let today = CardDate.today()
        let number = try InputValidation.idNumber(idNumber, today: today).unmaskedValue
        let draft = ApplicationDraft(kind: body.kind, idNumber: number, details: body.details ?? [:])
        return try JSONBody.response(try await services.submit(draft, by: principal), status: .created)
    }

    /// The worklist (`?status=…&kind=…&region=…&owner=me|none|ID&dueBefore=DATE&completedOn=DATE`),
    /// overdue cases first, then the nearest deadline.
    private func listApplications(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        let query = request.uri.queryParameters
        func values<T: RawRepresentable<String>>(_ name: String, _: T.Type) throws -> Set<T>? {
            let list = try query.getAll(name).map { text throws(KioskError) in
                guard let value = T(rawValue: String(text)) else {
                    throw .invalid(name, chinese: "筛选条件“\(name)”有误。", english: "Unknown \(name): \(text).")
                }
                return value
            }
            return list.isEmpty ? nil : Set(list)
        }
        func day(_ name: String) throws -> (start: Date, end: Date)? {
            try query.get(name).map { text in
                let noon = Self.noonInChina(try InputValidation.date(String(text)))!
                return (noon.addingTimeInterval(-12 * 3600), noon.addingTimeInterval(12 * 3600))
            }
        }
        let owner: ApplicationFilter.Owner? =
            switch query.get("owner").map({ String($0) }) {
            case nil: nil
            case "none": .nobody
            case "me": if case .staff(let member) = principal { .member(member.id) } else { nil }
            case let id?: .member(id)
            }
        let completed = try day("completedOn")
        let filter = ApplicationFilter(
            idNumber: query.get("idNumber").map { String($0) },
            statuses: try values("status", ApplicationStatus.self),
            kinds: try values("kind", ApplicationKind.self),
            regionPrefix: query.get("region").map { String($0) },
            owner: owner,
            levels: try values("level", ServiceLevel.self),
            completedFrom: completed?.start,
            completedBefore: completed?.end,
            dueBefore: try day("dueBefore")?.end,
            due: try await due(query.get("due").map { String($0) }),
            overdueFirstAt: now()
        )
        return try JSONBody.response(try await services.worklist(filter, for: principal))
    }

    /// The `due` filter: `late` or `soon`, counted on the terminal's working calendar.
    private func due(_ name: String?) async throws -> ApplicationFilter.Due? {
        switch name {
        case nil: nil
        case "late": .late(at: now())
        case "soon": .soon(at: now(), calendar: try await services.store.workingCalendar())
        case let other?:
            throw KioskError.invalid("due", chinese: "筛选条件“due”有误。", english: "Unknown due: \(other).")
        }
    }

    private func caseFile(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        return try JSONBody.response(try await services.caseFile(try context.parameters.require("id"), for: principal))
    }

    struct StatusRequest<Status: Decodable>: Decodable { var status: Status }

    /// `{"status": "rejected", "reason": "not-eligible", "note": "…"}`: a reason is required to reject.
    struct MoveRequest: Decodable {
        var status: ApplicationStatus
        var reason: RejectionReason?
        var note: String?
    }

    private func moveApplication(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(MoveRequest.self, from: request)
        let rejection = body.reason.map { Rejection(reason: $0, note: body.note ?? "") }
        return try JSONBody.response(
            try await services.move(
                application: try context.parameters.require("id"), to: body.status, rejection: rejection,
                by: principal))
    }

    private func reportUp(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        return try JSONBody.response(
            try await services.reportUp(application: try context.parameters.require("id"), by: principal))
    }

    /// `{}` takes the case; `{"to": "clerk2"}` hands it over.
    struct OwnerRequest: Decodable { var to: String? }

    private func changeOwner(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(OwnerRequest.self, from: request)
        return try JSONBody.response(
            try await services.changeOwner(of: try context.parameters.require("id"), to: body.to, by: principal))
    }

    struct CardRequest: Decodable {
        var cardNumber: String
        var idNumber: String
    }

    private func requestCard(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        let body = try await JSONBody.decode(CardRequest.self, from: request)
        return try JSONBody.response(
            try await services.requestCard(cardNumber: body.cardNumber, for: body.idNumber, by: principal),
            status: .created)
    }

    private func moveCard(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(StatusRequest<CardStatus>.self, from: request)
        let cardNumber = try context.parameters.require("cardNumber")
        return try JSONBody.response(try await services.moveCard(cardNumber, to: body.status, by: principal))
    }

    private func statistics(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        let day = try request.uri.queryParameters.get("day").map { text throws(KioskError) in
            try InputValidation.date(String(text))
        }
        let date = day.flatMap { Self.noonInChina($0) } ?? now()
        return try JSONBody.response(try await services.statistics(day: date, for: principal))
    }

    struct LedgerCheck: Encodable {
        var intact: Bool
        /// What was found, entries named by number only.
        var finding: String
    }

    private func verifyLedger(_ request: Request, _ context: Context) async throws -> Response {
        let finding = try await services.verifyLedger(for: try await principal(request))
        let intact = if case .intact = finding { true } else { false }
        return try JSONBody.response(LedgerCheck(intact: intact, finding: finding.description))
    }

    static func noonInChina(_ date: CardDate) -> Date? {
        let calendar = WorkingCalendar.china
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))
    }
}

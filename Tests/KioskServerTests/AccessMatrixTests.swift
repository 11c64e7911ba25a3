import Foundation
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskServer
import Synchronization
import Testing

/// Every route of the route table against every kind of caller: a new route without a rule here
/// fails the test, so no endpoint is added without deciding who may call it.
@Suite("Roles and jurisdiction over every endpoint")
struct AccessMatrixTests {
    /// Who calls.
    enum Caller: String, CaseIterable, Hashable, Sendable {
        case resident, clerkHere, clerkElsewhere, supervisor, technician, auditor, noToken, expiredToken
    }

    /// Who may call a route (everyone else must be refused with 401 or 403), and how to call it.
    struct Rule: Sendable {
        var allowed: Set<Caller>
        /// The URI, from the fixtures.
        var uri: @Sendable (Fixtures) -> String
        var body: (@Sendable (Fixtures) -> String)?
        /// Server-sent events never end: checked by rule only, not called.
        var stream = false
    }

    /// Records the calls need, made before the matrix runs.
    struct Fixtures: Sendable {
        var here: String
        var application: String
        /// A registration of `here` on the employment register.
        var jobSeeker: String
        /// A labour dispute taken by the clerk here, who answers for it.
        var dispute: String
        /// Cards of `here`, one per route that changes a card, so that no route's call disturbs another's.
        var cards: [String: String]
        var printKey: String
        var counter = Counter()

        final class Counter: Sendable {
            private let value = Mutex(0)
            func next() -> Int {
                value.withLock {
                    $0 += 1
                    return $0
                }
            }
        }
        var unique: String { "k\(counter.next())" }
    }

    static let everyone = Set(Caller.allCases)
    static let signedIn: Set<Caller> = [.resident, .clerkHere, .clerkElsewhere, .supervisor, .technician, .auditor]
    static let deskHere: Set<Caller> = [.clerkHere, .supervisor]

    static let rules: [String: Rule] = [
        "GET /api/health": Rule(allowed: everyone, uri: { _ in "/api/health" }),
        "GET /api/diagnostics": Rule(allowed: [.technician], uri: { _ in "/api/diagnostics" }),
        "GET /api/sync": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor, .technician, .auditor], uri: { _ in "/api/sync" }),
        "GET /api/session": Rule(allowed: everyone, uri: { _ in "/api/session" }),
        "POST /api/session/pin": Rule(
            allowed: everyone, uri: { _ in "/api/session/pin" }, body: { _ in #"{"pin":"123456"}"# }),
        "DELETE /api/session": Rule(allowed: everyone, uri: { _ in "/api/session" }),
        "GET /api/events": Rule(allowed: everyone, uri: { _ in "/api/events" }, stream: true),
        "GET /api/jobs": Rule(allowed: everyone, uri: { _ in "/api/jobs?kind=full-time" }),
        // The clerk elsewhere posts nothing for this terminal's area: 403 outside-jurisdiction.
        "POST /api/jobs": Rule(
            allowed: deskHere, uri: { _ in "/api/jobs" },
            body: { _ in
                #"{"title":"电工","employer":"演示电力公司","kind":"full-time","monthlyWageFromFen":400000,"monthlyWageToFen":500000,"until":"2026-01-01","contact":"13812345678"}"#
            }),
        "GET /api/pension/grades": Rule(allowed: everyone, uri: { _ in "/api/pension/grades" }),
        "GET /api/me/pension-account": Rule(allowed: [.resident], uri: { _ in "/api/me/pension-account" }),
        "GET /api/people/{idNumber}/pension-account": Rule(
            allowed: deskHere, uri: { "/api/people/\($0.here)/pension-account" }),
        "GET /api/courses": Rule(allowed: everyone, uri: { _ in "/api/courses" }),
        // The clerk elsewhere posts nothing for this terminal's area: 403 outside-jurisdiction.
        "POST /api/courses": Rule(
            allowed: deskHere, uri: { _ in "/api/courses" },
            body: { _ in
                #"{"title":"电工培训","provider":"县职业技能培训学校","startsOn":"2026-01-01","endsOn":"2026-01-10","signUpUntil":"2026-01-01","seats":30}"#
            }),
        // No course of that id: 404 for those allowed.
        "POST /api/courses/{id}/close-sign-up": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor],
            uri: { _ in "/api/courses/no-such-course/close-sign-up" }),
        // No posting of that id: 404 for those allowed.
        "POST /api/jobs/{id}/take-down": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor], uri: { _ in "/api/jobs/no-such-posting/take-down" }),
        "GET /api/guides": Rule(allowed: everyone, uri: { _ in "/api/guides" }),
        "GET /api/notices": Rule(allowed: everyone, uri: { _ in "/api/notices" }),
        "POST /api/kiosk/heartbeat": Rule(
            allowed: everyone, uri: { _ in "/api/kiosk/heartbeat" }, body: { _ in #"{"page":"matrix"}"# }),
        "GET /api/kiosk/heartbeat": Rule(allowed: everyone, uri: { _ in "/api/kiosk/heartbeat" }),
        "GET /api/me": Rule(allowed: [.resident], uri: { _ in "/api/me" }),
        "GET /api/me/contributions": Rule(allowed: [.resident], uri: { _ in "/api/me/contributions" }),
        "GET /api/me/pension-payments": Rule(allowed: [.resident], uri: { _ in "/api/me/pension-payments" }),
        "POST /api/me/applications": Rule(
            allowed: [.resident], uri: { _ in "/api/me/applications" },
            body: { _ in #"{"kind":"training-sign-up"}"# }),
        "GET /api/me/applications": Rule(allowed: [.resident], uri: { _ in "/api/me/applications" }),
        "POST /api/me/pin": Rule(
            allowed: [.resident], uri: { _ in "/api/me/pin" }, body: { _ in #"{"old":"x","new":"y"}"# }),
        "POST /api/me/loss-report": Rule(allowed: [.resident], uri: { _ in "/api/me/loss-report" }),
        "POST /api/me/print": Rule(
            allowed: [.resident], uri: { _ in "/api/me/print" },
            body: { #"{"key":"\#($0.unique)","document":"proof-of-insurance"}"# }),
        // No one here is on a retirees' list: 403 not-a-retiree for those allowed, refused first for the rest.
        "GET /api/me/retiree-check": Rule(allowed: [.resident], uri: { _ in "/api/me/retiree-check" }),
        "POST /api/me/retiree-check": Rule(allowed: [.resident], uri: { _ in "/api/me/retiree-check" }),
        "GET /api/retirees": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor], uri: { _ in "/api/retirees?state=overdue" }),
        "POST /api/retirees/certification": Rule(
            allowed: deskHere, uri: { _ in "/api/retirees/certification" },
            body: { #"{"idNumber":"\#($0.here)","note":"在家"}"# }),
        "POST /api/retirees/life-event": Rule(
            allowed: deskHere, uri: { _ in "/api/retirees/life-event" },
            body: { #"{"idNumber":"\#($0.here)","kind":"death","on":"2026-01-02","reporterRelation":"子女"}"# }),
        "POST /api/retirees/suspension": Rule(
            allowed: [.supervisor], uri: { _ in "/api/retirees/suspension" },
            body: { #"{"idNumber":"\#($0.here)","reason":"逾期未认证"}"# }),
        "GET /api/jobseekers": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor], uri: { _ in "/api/jobseekers?filter=all" }),
        // `here` is registered already: 409 already-registered for those allowed.
        "POST /api/jobseekers": Rule(
            allowed: deskHere, uri: { _ in "/api/jobseekers" },
            body: {
                #"{"idNumber":"\#($0.here)","category":"job-seeker","reason":"other","wantsJob":true,"zeroEmploymentFamily":false}"#
            }),
        "GET /api/jobseekers/{id}": Rule(allowed: deskHere, uri: { "/api/jobseekers/\($0.jobSeeker)" }),
        "POST /api/jobseekers/{id}/follow-up": Rule(
            allowed: deskHere, uri: { "/api/jobseekers/\($0.jobSeeker)/follow-up" },
            body: { _ in #"{"method":"phone","stillSeeking":true}"# }),
        // No posting of that id: 404 for those allowed.
        "POST /api/jobseekers/{id}/referral": Rule(
            allowed: deskHere, uri: { "/api/jobseekers/\($0.jobSeeker)/referral" },
            body: { _ in #"{"postingId":"no-such-posting"}"# }),
        // `here` is recognised by the first allowed caller: 409 difficulty-recognised for the next.
        "POST /api/jobseekers/{id}/difficulty": Rule(
            allowed: deskHere, uri: { "/api/jobseekers/\($0.jobSeeker)/difficulty" },
            body: { _ in #"{"categories":["disabled"]}"# }),
        "POST /api/jobseekers/{id}/visit": Rule(
            allowed: deskHere, uri: { "/api/jobseekers/\($0.jobSeeker)/visit" }, body: { _ in #"{"note":"在家"}"# }),
        // No posting of that id: 404 for those allowed.
        "POST /api/jobseekers/{id}/placement": Rule(
            allowed: deskHere, uri: { "/api/jobseekers/\($0.jobSeeker)/placement" },
            body: { _ in #"{"postingId":"no-such-posting","startsOn":"2026-01-01"}"# }),
        "POST /api/jobseekers/{id}/closing": Rule(
            allowed: deskHere, uri: { "/api/jobseekers/\($0.jobSeeker)/closing" },
            body: { _ in #"{"reason":"no-longer-seeking"}"# }),
        // No day given: 422 for everyone (public).
        "GET /api/appointments/slots": Rule(allowed: everyone, uri: { _ in "/api/appointments/slots" }),
        "GET /api/me/appointments": Rule(allowed: [.resident], uri: { _ in "/api/me/appointments" }),
        // A day in the past: 422 for the resident.
        "POST /api/me/appointments": Rule(
            allowed: [.resident], uri: { _ in "/api/me/appointments" },
            body: { _ in #"{"service":"card-application","day":"2020-01-02","slot":"09:00"}"# }),
        // No appointment of that id: 404 for the resident.
        "POST /api/me/appointments/{id}/cancel": Rule(
            allowed: [.resident], uri: { _ in "/api/me/appointments/no-such/cancel" }),
        "GET /api/appointments": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor], uri: { _ in "/api/appointments" }),
        // A day in the past: 422 for those allowed.
        "POST /api/appointments": Rule(
            allowed: deskHere, uri: { _ in "/api/appointments" },
            body: {
                #"{"idNumber":"\#($0.here)","kind":"hall","service":"card-application","day":"2020-01-02","slot":"09:00"}"#
            }),
        // No appointment of that id: 404 for those allowed.
        "POST /api/appointments/{id}/cancel": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor], uri: { _ in "/api/appointments/no-such/cancel" }),
        "POST /api/appointments/{id}/assign": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor], uri: { _ in "/api/appointments/no-such/assign" },
            body: { _ in #"{"to":"clerk2"}"# }),
        "POST /api/appointments/{id}/outcome": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor], uri: { _ in "/api/appointments/no-such/outcome" },
            body: { _ in #"{"result":"attended"}"# }),
        "GET /api/disputes": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor], uri: { _ in "/api/disputes?filter=all" }),
        "POST /api/disputes": Rule(
            allowed: deskHere, uri: { _ in "/api/disputes" },
            body: {
                #"{"kind":"petition","idNumber":"\#($0.here)","name":"李四","employer":"某厂","category":"other","facts":"反映问题"}"#
            }),
        "GET /api/disputes/{id}": Rule(allowed: deskHere, uri: { "/api/disputes/\($0.dispute)" }),
        // The clerk here answers for the case; the supervisor may act on it too. A second decision is 409.
        "POST /api/disputes/{id}/decision": Rule(
            allowed: deskHere, uri: { "/api/disputes/\($0.dispute)/decision" }, body: { _ in #"{"accepted":true}"# }),
        // Before or after the decision: 200 or 409 for those allowed.
        "POST /api/disputes/{id}/session": Rule(
            allowed: deskHere, uri: { "/api/disputes/\($0.dispute)/session" },
            body: { _ in #"{"day":"2020-01-02","attendees":"双方","summary":"首次调解"}"# }),
        "POST /api/disputes/{id}/extension": Rule(
            allowed: deskHere, uri: { "/api/disputes/\($0.dispute)/extension" }),
        // To no one: 422 for those allowed, and the case stays the clerk's.
        "POST /api/disputes/{id}/hand-over": Rule(
            allowed: deskHere, uri: { "/api/disputes/\($0.dispute)/hand-over" }, body: { _ in #"{"to":"nobody"}"# }),
        // A petition's answer on a mediation: 422 for those allowed.
        "POST /api/disputes/{id}/outcome": Rule(
            allowed: deskHere, uri: { "/api/disputes/\($0.dispute)/outcome" },
            body: { _ in #"{"result":"answered","terms":"已答复"}"# }),
        "POST /api/ratings": Rule(
            allowed: [.resident, .clerkHere, .clerkElsewhere, .supervisor], uri: { _ in "/api/ratings" },
            body: { _ in #"{"level":"satisfied"}"# }),
        "POST /api/staff/login": Rule(
            allowed: everyone, uri: { _ in "/api/staff/login" }, body: { _ in #"{"id":"nobody","password":"x"}"# }),
        "POST /api/staff/password": Rule(
            allowed: everyone, uri: { _ in "/api/staff/password" },
            body: { _ in #"{"id":"nobody","password":"x","newPassword":"a new password"}"# }),
        "POST /api/staff/logout": Rule(allowed: everyone, uri: { _ in "/api/staff/logout" }),
        "POST /api/staff/activity": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor, .technician, .auditor],
            uri: { _ in "/api/staff/activity" }),
        "GET /api/people/{idNumber}": Rule(allowed: deskHere, uri: { "/api/people/\($0.here)" }),
        "GET /api/people/{idNumber}/contributions": Rule(
            allowed: deskHere, uri: { "/api/people/\($0.here)/contributions" }),
        "POST /api/applications": Rule(
            allowed: deskHere, uri: { _ in "/api/applications" },
            body: { #"{"kind":"training-sign-up","idNumber":"\#($0.here)"}"# }),
        // Each clerk lists their own jurisdiction's applications.
        "GET /api/applications": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor], uri: { _ in "/api/applications" }),
        // A case's file reads its person: the clerk elsewhere is outside the jurisdiction.
        "GET /api/applications/{id}": Rule(allowed: deskHere, uri: { "/api/applications/\($0.application)" }),
        // A hand-over of a case no one took: refused as not taken (409), not as forbidden.
        "POST /api/applications/{id}/owner": Rule(
            allowed: deskHere, uri: { "/api/applications/\($0.application)/owner" },
            body: { _ in #"{"to":"clerk2"}"# }),
        // A report up of a case no one took: refused as not taken (409), not as forbidden.
        "POST /api/applications/{id}/report-up": Rule(
            allowed: deskHere, uri: { "/api/applications/\($0.application)/report-up" }),
        // No command was refused here: the supervisor is answered 404, anyone else refused first.
        "POST /api/review/refused/{key}/close": Rule(
            allowed: [.supervisor], uri: { _ in "/api/review/refused/T1-0-0/close" },
            body: { _ in #"{"reason":"superseded"}"# }),
        "POST /api/applications/{id}/status": Rule(
            allowed: [.supervisor], uri: { "/api/applications/\($0.application)/status" },
            body: { _ in #"{"status":"approved"}"# }),
        "POST /api/cards": Rule(
            allowed: deskHere, uri: { _ in "/api/cards" },
            body: { #"{"cardNumber":"N\#($0.unique)","idNumber":"\#($0.here)"}"# }),
        // Each clerk's queue is their own jurisdiction's.
        "GET /api/desk/card": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor], uri: { _ in "/api/desk/card" }),
        "GET /api/cards": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor], uri: { _ in "/api/cards?status=in-production" }),
        "POST /api/validate": Rule(
            allowed: everyone, uri: { _ in "/api/validate" }, body: { _ in #"{"field":"phone","value":"123"}"# }),
        "GET /api/cards/{cardNumber}": Rule(allowed: deskHere, uri: { "/api/cards/\($0.cards["read"]!)" }),
        "POST /api/cards/{cardNumber}/id-number": Rule(
            allowed: deskHere, uri: { "/api/cards/\($0.cards["read"]!)/id-number" },
            body: { _ in #"{"purpose":"identity-check"}"# }),
        "POST /api/cards/{cardNumber}/status": Rule(
            allowed: deskHere, uri: { "/api/cards/\($0.cards["status"]!)/status" },
            body: { _ in #"{"status":"issued"}"# }),
        "POST /api/cards/{cardNumber}/personalise": Rule(
            allowed: deskHere, uri: { "/api/cards/\($0.cards["personalise"]!)/personalise" },
            body: { _ in #"{"pin":"123456","ethnicity":"01"}"# }),
        "POST /api/cards/{cardNumber}/replacement": Rule(
            allowed: deskHere, uri: { "/api/cards/\($0.cards["replace"]!)/replacement" },
            body: { #"{"newCardNumber":"R\#($0.unique)"}"# }),
        "POST /api/cards/{cardNumber}/unblock": Rule(
            allowed: deskHere, uri: { "/api/cards/\($0.cards["unblock"]!)/unblock" }),
        // A JSON body where a JPEG belongs: 415 for those allowed, refused first for everyone else.
        "PUT /api/cards/{cardNumber}/photo": Rule(
            allowed: deskHere, uri: { "/api/cards/\($0.cards["read"]!)/photo" }, body: { _ in "{}" }),
        // No camera on the test desk: 409 for those allowed.
        "POST /api/cards/{cardNumber}/photo/camera": Rule(
            allowed: deskHere, uri: { "/api/cards/\($0.cards["read"]!)/photo/camera" }),
        // No photo was kept: 404 for those allowed.
        "GET /api/cards/{cardNumber}/photo": Rule(allowed: deskHere, uri: { "/api/cards/\($0.cards["read"]!)/photo" }),
        "POST /api/print": Rule(
            allowed: deskHere, uri: { _ in "/api/print" },
            body: { #"{"key":"\#($0.unique)","document":"application-receipt","applicationId":"\#($0.application)"}"# }),
        // A resident may ask, but sees only their own jobs (this one is a clerk's: 404).
        "GET /api/print/{key}": Rule(
            allowed: [.resident, .clerkHere, .clerkElsewhere, .supervisor, .technician],
            uri: { "/api/print/\($0.printKey)" }),
        "GET /api/statistics": Rule(allowed: [.supervisor, .technician, .auditor], uri: { _ in "/api/statistics" }),
        "POST /api/documents/verify": Rule(
            allowed: [.clerkHere, .clerkElsewhere, .supervisor, .technician, .auditor],
            uri: { _ in "/api/documents/verify" }, body: { _ in #"{"qr":"SSK1:not-a-code"}"# }),
        "POST /api/receipts/status": Rule(
            allowed: everyone, uri: { _ in "/api/receipts/status" }, body: { _ in #"{"qr":"SSK1:not-a-code"}"# }),
        "GET /api/ledger/verify": Rule(allowed: [.supervisor, .auditor], uri: { _ in "/api/ledger/verify" }),
        "GET /api/ledger": Rule(allowed: [.supervisor, .auditor], uri: { _ in "/api/ledger?from=1&limit=50" }),
        "GET /api/review": Rule(allowed: [.supervisor], uri: { _ in "/api/review" }),
        "POST /api/review": Rule(
            allowed: [.supervisor], uri: { _ in "/api/review" }, body: { _ in #"{"day":"2026-11-23"}"# }),
    ]

    /// The one route that answers with a full ID number, for a stated purpose.
    static let fullIDNumber = "POST /api/cards/{cardNumber}/id-number"
    /// Routes whose call ends the caller's session: run last.
    static let endsSessions: Set<String> = ["DELETE /api/session", "POST /api/staff/logout"]
    static let refusals: Set<String> = ["not-signed-in", "forbidden", "outside-jurisdiction"]

    @Test(
        "every route has a rule; each caller is allowed or refused (401/403 with a clear body) as the rule says; no answer but the audited read carries a full ID number; every answer matches openapi.yaml"
    )
    func matrix() async throws {
        let terminal = try TestTerminal.make()
        try await terminal.seed()
        try await terminal.terminal.application(watchCards: false).test(.router) { client in
            let api = StaffAPITests.Client(client: client)
            var tokens: [Caller: String] = [:]
            tokens[.expiredToken] = try await api.login("clerk2")
            terminal.clock.advance(by: 31 * 60)
            tokens[.clerkHere] = try await api.login("clerk1")
            tokens[.clerkElsewhere] = try await api.login("clerk-elsewhere")
            tokens[.supervisor] = try await api.login("supervisor1")
            tokens[.technician] = try await api.login("technician1")
            tokens[.auditor] = try await api.login("auditor1")
            try await terminal.insertResidentCard()
            let session = try await api.call(.post, "/api/session/pin", json: #"{"pin":"123456"}"#)
            tokens[.resident] = try #require(session.body["token"] as? String, "\(session.text)")

            let fixtures = try await Self.fixtures(api, terminal, clerk: tokens[.clerkHere]!)
            let routes = terminal.terminal.routes.map { "\($0.method) \($0.path)" }
            let unruled = routes.filter { Self.rules[$0] == nil }
            #expect(unruled.isEmpty, "routes with no access rule: \(unruled)")
            #expect(Set(Self.rules.keys).subtracting(routes).isEmpty, "rules for no route")

            let people = [terminal.here, terminal.elsewhere, terminal.resident]
            let personal = people.flatMap { [$0.name, $0.idNumber] }
            var answers: [OpenAPIContract.Answer] = []
            let ordered = routes.filter { !Self.endsSessions.contains($0) } + routes.filter(Self.endsSessions.contains)
            for route in ordered {
                guard let rule = Self.rules[route], !rule.stream else { continue }
                let method = HTTPRequest.Method(rawValue: String(route.prefix { $0 != " " }))!
                for caller in Caller.allCases {
                    let response = try await api.call(
                        method, rule.uri(fixtures), token: tokens[caller], json: rule.body?(fixtures))
                    let code = response.body["code"] as? String
                    answers.append(
                        OpenAPIContract.Answer(
                            method: "\(method)", path: String(route.drop { $0 != " " }.dropFirst()),
                            status: response.status, body: response.text))
                    if rule.allowed.contains(caller) {
                        #expect(
                            !(Self.refusals.contains(code ?? "")),
                            "\(caller) should be allowed \(route): \(response.text)")
                        #expect(response.status < 500, "\(caller) \(route): \(response.text)")
                    } else {
                        let expected = caller == .noToken || caller == .expiredToken ? 401 : 403
                        #expect(response.status == expected, "\(caller) should be refused \(route): \(response.text)")
                        #expect(Self.refusals.contains(code ?? ""), "\(caller) \(route): \(response.text)")
                        #expect((response.body["messageChinese"] as? String)?.isEmpty == false)
                        #expect((response.body["message"] as? String)?.isEmpty == false)
                    }
                    if route != Self.fullIDNumber {
                        let full = people.map(\.idNumber).filter { response.text.contains($0) }
                        #expect(full.isEmpty, "\(caller) got a full ID number from \(route): \(response.text)")
                    }
                    if caller == .technician {
                        let leaked = personal.filter { response.text.contains($0) }
                        #expect(leaked.isEmpty, "the technician read personal data from \(route): \(response.text)")
                    }
                }
            }
            if OpenAPIContract.python != nil || SchemathesisTests.required {
                let violations = try await OpenAPIContract.violations(answers)
                #expect(violations.isEmpty, "answers outside openapi.yaml:\n\(violations.joined(separator: "\n"))")
            } else {
                print("⚠️ SKIPPED: the answers were not checked against openapi.yaml (no schemathesis virtualenv)")
            }
        }
    }

    /// An application and cards of `here`, and a print job of the clerk's.
    static func fixtures(_ api: StaffAPITests.Client, _ terminal: TestTerminal, clerk: String) async throws
        -> Fixtures
    {
        let here = terminal.here.idNumber
        let application = try await api.call(
            .post, "/api/applications", token: clerk, json: #"{"kind":"employment-registration","idNumber":"\#(here)"}"#
        )
        var cards: [String: String] = [:]
        for use in ["read", "status", "personalise", "replace", "unblock"] {
            let number = "CARD-\(use)"
            let made = try await api.call(
                .post, "/api/cards", token: clerk, json: #"{"cardNumber":"\#(number)","idNumber":"\#(here)"}"#)
            #expect(made.status == 201, "\(made.text)")
            cards[use] = number
        }
        let id = try #require(application.body["id"] as? String, "\(application.text)")
        let job = try await api.call(
            .post, "/api/print", token: clerk,
            json: #"{"key":"fixture-job","document":"application-receipt","applicationId":"\#(id)"}"#)
        #expect(job.status == 201, "\(job.text)")
        let registered = try await api.call(
            .post, "/api/jobseekers", token: clerk,
            json:
                #"{"idNumber":"\#(here)","category":"registered-unemployed","reason":"dismissed","wantsJob":true,"zeroEmploymentFamily":false}"#
        )
        let jobSeeker = try #require(registered.body["id"] as? String, "\(registered.text)")
        let taken = try await api.call(
            .post, "/api/disputes", token: clerk,
            json:
                #"{"kind":"mediation","idNumber":"\#(here)","name":"张三","employer":"某某建筑公司","category":"unpaid-wages","facts":"拖欠三个月工资"}"#
        )
        let dispute = try #require(taken.body["id"] as? String, "\(taken.text)")
        return Fixtures(
            here: here, application: id, jobSeeker: jobSeeker, dispute: dispute, cards: cards, printKey: "fixture-job")
    }
}

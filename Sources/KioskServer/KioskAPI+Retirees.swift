import Foundation
import Hummingbird
import KioskCore

/// The retirees' annual qualification check: a retiree certifies at the kiosk with card and PIN;
/// the desk lists the village's due and overdue, records home visits and reported deaths or moves,
/// and the county's supervisor suspends a candidate's pension. Desk requests carry the full ID
/// number in the body, typed from the retiree's papers, never in the path (which logs keep).
extension KioskAPI {
    var retireeRoutes: [APIRoute<Context>] {
        [
            APIRoute(.get, "/api/me/retiree-check", myRetireeCheck),
            APIRoute(.post, "/api/me/retiree-check", certifyMyself),
            APIRoute(.get, "/api/retirees", retireeChecks),
            APIRoute(.post, "/api/retirees/certification", certifyByHomeVisit),
            APIRoute(.post, "/api/retirees/life-event", reportLifeEvent),
            APIRoute(.post, "/api/retirees/suspension", suspendPension),
        ]
    }

    private func myRetireeCheck(_ request: Request, _ context: Context) async throws -> Response {
        let (_, idNumber) = try await resident(request)
        let check = try await services.retireeCheck(of: idNumber, for: .resident(idNumber: idNumber))
        return try JSONBody.response(RetireeCheckJSON(check, at: now()))
    }

    private func certifyMyself(_ request: Request, _ context: Context) async throws -> Response {
        let (_, idNumber) = try await resident(request)
        let check = try await services.certifyRetiree(idNumber, note: nil, by: .resident(idNumber: idNumber))
        return try JSONBody.response(RetireeCheckJSON(check, at: now()))
    }

    /// `?state=due&state=overdue`: the lines in those states; all of the jurisdiction without one.
    private func retireeChecks(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let states = try request.uri.queryParameters.getAll("state").map { text throws(KioskError) in
            guard let state = RetireeCheckState(rawValue: String(text)) else {
                throw .invalid("state", chinese: "认证状态有误。", english: "Unknown state: \(text).")
            }
            return state
        }
        let at = now()
        let lines = try await services.retireeChecks(in: Set(states), for: principal)
        return try JSONBody.response(lines.map { RetireeCheckJSON($0, at: at) })
    }

    struct HomeVisitRequest: Decodable {
        var idNumber: String
        var note: String
    }

    private func certifyByHomeVisit(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(HomeVisitRequest.self, from: request)
        let check = try await services.certifyRetiree(body.idNumber, note: body.note, by: principal)
        return try JSONBody.response(RetireeCheckJSON(check, at: now()))
    }

    struct LifeEventRequest: Decodable {
        var idNumber: String
        var kind: RetireeLifeEvent.Kind
        var on: String
        var reporterRelation: String
    }

    private func reportLifeEvent(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(LifeEventRequest.self, from: request)
        let check = try await services.reportRetireeLifeEvent(
            body.idNumber, kind: body.kind, on: body.on, reporterRelation: body.reporterRelation, by: principal)
        return try JSONBody.response(RetireeCheckJSON(check, at: now()))
    }

    struct SuspensionRequest: Decodable {
        var idNumber: String
        var reason: String
    }

    private func suspendPension(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(SuspensionRequest.self, from: request)
        let check = try await services.suspendPension(of: body.idNumber, reason: body.reason, by: principal)
        return try JSONBody.response(RetireeCheckJSON(check, at: now()))
    }
}

import Foundation
import Hummingbird
import KioskCore

/// Labour disputes and petitions (劳动争议调解、信访) at the desk: the jurisdiction's cases with the
/// late ones and the clerk's own, a case taken from the worker's papers (the full ID number in the
/// body, never in the path), and each entry on a case by its id.
extension KioskAPI {
    var disputeRoutes: [APIRoute<Context>] {
        [
            APIRoute(.get, "/api/disputes", disputes),
            APIRoute(.post, "/api/disputes", takeDispute),
            APIRoute(.get, "/api/disputes/{id}", dispute),
            APIRoute(.post, "/api/disputes/{id}/decision", decideDispute),
            APIRoute(.post, "/api/disputes/{id}/session", disputeSession),
            APIRoute(.post, "/api/disputes/{id}/extension", extendDispute),
            APIRoute(.post, "/api/disputes/{id}/hand-over", handOverDispute),
            APIRoute(.post, "/api/disputes/{id}/outcome", closeDispute),
        ]
    }

    /// `?filter=open|late|mine|all`, open by default.
    private func disputes(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let text = request.uri.queryParameters["filter"].map(String.init) ?? KioskServices.DisputeFilter.open.rawValue
        guard let filter = KioskServices.DisputeFilter(rawValue: text) else {
            throw KioskError.invalid("filter", chinese: "筛选条件有误。", english: "Unknown filter: \(text).")
        }
        let at = now()
        return try JSONBody.response(
            try await services.disputes(filter, for: principal).map { DisputeJSON($0, at: at) })
    }

    private func dispute(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let dispute = try await services.dispute(try context.parameters.require("id"), for: principal)
        return try JSONBody.response(DisputeJSON(dispute, at: now()))
    }

    struct DisputeIntakeRequest: Decodable {
        var kind: LabourDispute.Kind
        var idNumber: String
        var name: String
        var phone: String?
        var employer: String
        var creditCode: String?
        var employerAddress: String?
        var employerContact: String?
        var category: LabourDispute.Category
        var claimedYuan: Int?
        var facts: String
    }

    private func takeDispute(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(DisputeIntakeRequest.self, from: request)
        let dispute = try await services.takeDispute(
            KioskServices.DisputeIntake(
                kind: body.kind, idNumber: body.idNumber, name: body.name, phone: body.phone,
                employer: DisputeEmployer(
                    name: body.employer, creditCode: body.creditCode, address: body.employerAddress,
                    contact: body.employerContact),
                category: body.category, claimedYuan: body.claimedYuan, facts: body.facts),
            by: principal)
        return try JSONBody.response(DisputeJSON(dispute, at: now()), status: .created)
    }

    struct DisputeDecisionRequest: Decodable {
        var accepted: Bool
        var reason: String?
    }

    private func decideDispute(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(DisputeDecisionRequest.self, from: request)
        let dispute = try await services.decideDispute(
            try context.parameters.require("id"), accepted: body.accepted, reason: body.reason, by: principal)
        return try JSONBody.response(DisputeJSON(dispute, at: now()))
    }

    struct DisputeSessionRequest: Decodable {
        var day: String
        var place: String?
        var attendees: String
        var summary: String
    }

    private func disputeSession(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(DisputeSessionRequest.self, from: request)
        let dispute = try await services.recordDisputeSession(
            try context.parameters.require("id"), day: body.day, place: body.place, attendees: body.attendees,
            summary: body.summary, by: principal)
        return try JSONBody.response(DisputeJSON(dispute, at: now()))
    }

    private func extendDispute(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let dispute = try await services.extendDispute(try context.parameters.require("id"), by: principal)
        return try JSONBody.response(DisputeJSON(dispute, at: now()))
    }

    private func handOverDispute(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(AssignRequest.self, from: request)
        let dispute = try await services.handOverDispute(
            try context.parameters.require("id"), to: body.to, by: principal)
        return try JSONBody.response(DisputeJSON(dispute, at: now()))
    }

    struct DisputeOutcomeRequest: Decodable {
        var result: DisputeOutcome.Result
        var terms: String
        var agreedYuan: Int?
        var performBy: String?
    }

    private func closeDispute(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(DisputeOutcomeRequest.self, from: request)
        let dispute = try await services.closeDispute(
            try context.parameters.require("id"), result: body.result, terms: body.terms, agreedYuan: body.agreedYuan,
            performBy: body.performBy, by: principal)
        return try JSONBody.response(DisputeJSON(dispute, at: now()))
    }
}

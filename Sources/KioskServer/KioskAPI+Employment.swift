import Foundation
import Hummingbird
import KioskCore

/// The employment register (就业失业登记) at the desk: the jurisdiction's registrations with the
/// promise's worklist and the month's follow-ups, a registration typed from the person's papers (the
/// full ID number in the body, never in the path), and each entry on a registration by its id.
extension KioskAPI {
    var employmentRoutes: [APIRoute<Context>] {
        [
            APIRoute(.get, "/api/jobseekers", jobSeekers),
            APIRoute(.post, "/api/jobseekers", registerJobSeeker),
            APIRoute(.get, "/api/jobseekers/{id}", jobSeeker),
            APIRoute(.post, "/api/jobseekers/{id}/follow-up", followUp),
            APIRoute(.post, "/api/jobseekers/{id}/referral", refer),
            APIRoute(.post, "/api/jobseekers/{id}/closing", close),
            APIRoute(.post, "/api/jobseekers/{id}/difficulty", recogniseDifficulty),
            APIRoute(.post, "/api/jobseekers/{id}/visit", visit),
            APIRoute(.post, "/api/jobseekers/{id}/placement", place),
        ]
    }

    /// `?filter=open|late|follow-up|assisted|all`, open by default.
    private func jobSeekers(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let text = request.uri.queryParameters["filter"].map(String.init) ?? KioskServices.JobSeekerFilter.open.rawValue
        guard let filter = KioskServices.JobSeekerFilter(rawValue: text) else {
            throw KioskError.invalid("filter", chinese: "筛选条件有误。", english: "Unknown filter: \(text).")
        }
        let at = now()
        let lines = try await services.jobSeekers(filter, for: principal)
        return try JSONBody.response(lines.map { JobSeekerJSON($0, at: at) })
    }

    private func jobSeeker(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let jobSeeker = try await services.jobSeeker(try context.parameters.require("id"), for: principal)
        return try JSONBody.response(JobSeekerJSON(jobSeeker, at: now()))
    }

    struct JobSeekerRegistrationRequest: Decodable {
        var idNumber: String
        var category: JobSeekerRegistration.Category
        var reason: JobSeekerRegistration.UnemploymentReason
        var lastEmployer: String?
        var wantsJob: Bool
        var zeroEmploymentFamily: Bool
    }

    private func registerJobSeeker(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(JobSeekerRegistrationRequest.self, from: request)
        let jobSeeker = try await services.registerJobSeeker(
            body.idNumber, category: body.category, reason: body.reason, lastEmployer: body.lastEmployer,
            wantsJob: body.wantsJob, zeroEmploymentFamily: body.zeroEmploymentFamily, by: principal)
        return try JSONBody.response(JobSeekerJSON(jobSeeker, at: now()), status: .created)
    }

    struct FollowUpRequest: Decodable {
        var method: JobSeekerFollowUp.Method
        var stillSeeking: Bool
        var note: String?
    }

    private func followUp(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(FollowUpRequest.self, from: request)
        let jobSeeker = try await services.followUpJobSeeker(
            try context.parameters.require("id"), method: body.method, stillSeeking: body.stillSeeking,
            note: body.note, by: principal)
        return try JSONBody.response(JobSeekerJSON(jobSeeker, at: now()))
    }

    struct ReferralRequest: Decodable {
        var postingId: String
    }

    private func refer(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(ReferralRequest.self, from: request)
        let jobSeeker = try await services.referJobSeeker(
            try context.parameters.require("id"), to: body.postingId, by: principal)
        return try JSONBody.response(JobSeekerJSON(jobSeeker, at: now()))
    }

    struct ClosingRequest: Decodable {
        var reason: JobSeekerClosing.Reason
        var employer: String?
    }

    private func close(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(ClosingRequest.self, from: request)
        let jobSeeker = try await services.closeJobSeeker(
            try context.parameters.require("id"), reason: body.reason, employer: body.employer, by: principal)
        return try JSONBody.response(JobSeekerJSON(jobSeeker, at: now()))
    }

    struct DifficultyRequest: Decodable {
        var categories: [EmploymentDifficulty.Category]
        var note: String?
    }

    private func recogniseDifficulty(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(DifficultyRequest.self, from: request)
        let jobSeeker = try await services.recogniseDifficulty(
            try context.parameters.require("id"), categories: body.categories, note: body.note, by: principal)
        return try JSONBody.response(JobSeekerJSON(jobSeeker, at: now()))
    }

    struct VisitRequest: Decodable {
        var note: String
    }

    private func visit(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(VisitRequest.self, from: request)
        let jobSeeker = try await services.recordAssistanceVisit(
            try context.parameters.require("id"), note: body.note, by: principal)
        return try JSONBody.response(JobSeekerJSON(jobSeeker, at: now()))
    }

    struct PlacementRequest: Decodable {
        var postingId: String
        var startsOn: String
    }

    private func place(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(PlacementRequest.self, from: request)
        let jobSeeker = try await services.placeInPublicWelfarePost(
            try context.parameters.require("id"), postingID: body.postingId, startsOn: body.startsOn, by: principal)
        return try JSONBody.response(JobSeekerJSON(jobSeeker, at: now()))
    }
}

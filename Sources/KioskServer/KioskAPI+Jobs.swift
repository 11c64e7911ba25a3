import Foundation
import Hummingbird
import KioskCore

/// The area's job postings: the kiosk's job board, public and narrowed by village, kind and skill;
/// the desk posts one for the township or county and takes it down.
extension KioskAPI {
    var jobRoutes: [APIRoute<Context>] {
        [
            APIRoute(.get, "/api/jobs", jobBoard),
            APIRoute(.post, "/api/jobs", postJob),
            APIRoute(.post, "/api/jobs/{id}/take-down", takeDownJob),
        ]
    }

    /// `?village=CODE&kind=KIND&skill=TEXT`, each optional.
    private func jobBoard(_ request: Request, _ context: Context) async throws -> Response {
        let query = request.uri.queryParameters
        var filter = KioskServices.JobBoardFilter()
        filter.regionCode = query["village"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        filter.skill = query["skill"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if let text = query["kind"].map(String.init), !text.isEmpty {
            guard let kind = JobPosting.Kind(rawValue: text) else {
                throw KioskError.invalid("kind", chinese: "岗位类型有误。", english: "Unknown kind of job: \(text).")
            }
            filter.kind = kind
        }
        return try JSONBody.response(try await services.jobPostings(filter))
    }

    struct JobPostingRequest: Decodable {
        var title: String
        var employer: String
        /// The village, township or county where the job is; the member's jurisdiction when absent.
        var regionCode: String?
        var place: String?
        var kind: JobPosting.Kind
        var skills: [String]?
        var monthlyWageFromFen: Int64
        var monthlyWageToFen: Int64
        var until: String
        var contact: String
    }

    private func postJob(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(JobPostingRequest.self, from: request)
        let posting = try await services.postJobPosting(
            title: body.title, employer: body.employer, regionCode: body.regionCode, place: body.place ?? "",
            kind: body.kind, skills: body.skills ?? [], monthlyWageFromFen: body.monthlyWageFromFen,
            monthlyWageToFen: body.monthlyWageToFen, until: body.until, contact: body.contact, by: principal)
        return try JSONBody.response(posting, status: .created)
    }

    private func takeDownJob(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let posting = try await services.takeDownJobPosting(try context.parameters.require("id"), by: principal)
        return try JSONBody.response(posting)
    }
}

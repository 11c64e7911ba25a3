import Foundation
import Hummingbird
import KioskCore

/// Training courses: the kiosk's board, public, with the seats left; the desk posts one for the
/// township or county and closes its sign-up. Residents sign up with the `training-sign-up`
/// application naming the course (`details.course`).
extension KioskAPI {
    var trainingRoutes: [APIRoute<Context>] {
        [
            APIRoute(.get, "/api/courses", courses),
            APIRoute(.post, "/api/courses", postCourse),
            APIRoute(.post, "/api/courses/{id}/close-sign-up", closeSignUp),
        ]
    }

    private func courses(_ request: Request, _ context: Context) async throws -> Response {
        let today = WorkingCalendar.key(of: now())
        return try JSONBody.response(try await services.trainingCourses().map { TrainingCourseJSON($0, on: today) })
    }

    struct TrainingCourseRequest: Decodable {
        var title: String
        var provider: String
        /// Where it is held; the member's jurisdiction when absent.
        var regionCode: String?
        var place: String?
        var startsOn: String
        var endsOn: String
        var signUpUntil: String
        var seats: Int
    }

    private func postCourse(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let body = try await JSONBody.decode(TrainingCourseRequest.self, from: request)
        let course = try await services.postTrainingCourse(
            title: body.title, provider: body.provider, regionCode: body.regionCode, place: body.place ?? "",
            startsOn: body.startsOn, endsOn: body.endsOn, signUpUntil: body.signUpUntil, seats: body.seats,
            by: principal)
        return try JSONBody.response(
            TrainingCourseJSON(TrainingCourseLine(course: course, seatsTaken: 0), on: WorkingCalendar.key(of: now())),
            status: .created)
    }

    private func closeSignUp(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await staffPrincipal(request)
        let id = try context.parameters.require("id")
        _ = try await services.closeTrainingSignUp(id, by: principal)
        guard let line = try await services.store.trainingCourse(id) else {
            throw KioskError.notFound("course", chinese: "该培训课程")
        }
        return try JSONBody.response(TrainingCourseJSON(line, on: WorkingCalendar.key(of: now())))
    }
}

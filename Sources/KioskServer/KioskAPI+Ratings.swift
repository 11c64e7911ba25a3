import Foundation
import Hummingbird
import KioskCore

/// Residents' ratings of the service they were given (服务评价): at the kiosk once a session, at
/// the desk on the screen the clerk turns to them. The answer thanks them and says nothing of who
/// served; the county's console counts the ratings.
extension KioskAPI {
    var ratingRoutes: [APIRoute<Context>] {
        [APIRoute(.post, "/api/ratings", rate)]
    }

    struct RatingRequest: Decodable {
        var level: SatisfactionLevel
        var reason: String?
        var service: ApplicationKind?
    }

    struct RatingAnswer: Encodable {
        var id: String
        var level: SatisfactionLevel
    }

    private func rate(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try await principal(request)
        let body = try await JSONBody.decode(RatingRequest.self, from: request)
        func rate() async throws -> SatisfactionRating {
            try await services.rate(body.level, reason: body.reason, service: body.service, by: principal)
        }
        let rating: SatisfactionRating
        if case .resident = principal, let token = bearer(request) {
            guard await kiosk.claimRating(token: token) else { throw KioskError.alreadyRated }
            do {
                rating = try await rate()
            } catch {
                await kiosk.releaseRating(token: token)
                throw error
            }
        } else {
            rating = try await rate()
        }
        return try JSONBody.response(RatingAnswer(id: rating.id, level: rating.level), status: .created)
    }
}

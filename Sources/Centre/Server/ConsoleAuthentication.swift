import Foundation
import Hummingbird

/// `Authorization: Bearer TOKEN` to the console member it names (``ConsoleSessions``): 401 for no
/// token or one whose session ended. The token is never logged.
struct ConsoleAuthentication: RouterMiddleware {
    let sessions: ConsoleSessions

    func handle(
        _ request: Request, context: CentreRequestContext,
        next: (Request, CentreRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            let member = try await sessions.member(for: String(header.dropFirst("Bearer ".count)), at: Date())
        else { throw CentreError.consoleSignInRequired }
        var context = context
        context.staff = member
        context.logger[metadataKey: "staff"] = "\(member.id)"
        return try await next(request, context)
    }
}

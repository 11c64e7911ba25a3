import Hummingbird

/// `Authorization: Bearer TOKEN` to a registered terminal: 401 without a token, 403 for one the
/// centre does not know. The token is hashed before the lookup and never logged.
struct TerminalAuthentication: RouterMiddleware {
    let store: any CentreStore

    func handle(
        _ request: Request, context: CentreRequestContext,
        next: (Request, CentreRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            case let token = header.dropFirst("Bearer ".count), !token.isEmpty
        else { throw CentreError.missingToken }
        guard let terminal = try await store.terminal(tokenHash: TerminalToken.hash(String(token))) else {
            throw CentreError.unknownToken
        }
        var context = context
        context.terminal = terminal
        context.logger[metadataKey: "terminal"] = "\(terminal.id)"
        return try await next(request, context)
    }
}

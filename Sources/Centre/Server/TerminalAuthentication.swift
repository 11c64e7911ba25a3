import Hummingbird

/// `Authorization: Bearer TOKEN` to a registered terminal, shown with its own client certificate:
/// 401 without a certificate or a token, 403 for a token the centre does not know, a revoked
/// terminal, or a certificate issued to another terminal (``RegisteredTerminal/accepts(certificate:)``).
/// The token is hashed before the lookup and never logged.
struct TerminalAuthentication: RouterMiddleware {
    let store: any CentreStore

    func handle(
        _ request: Request, context: CentreRequestContext,
        next: (Request, CentreRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let certificate = try await context.clientCertificate() else { throw CentreError.missingCertificate }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            case let token = header.dropFirst("Bearer ".count), !token.isEmpty
        else { throw CentreError.missingToken }
        guard let terminal = try await store.terminal(tokenHash: TerminalToken.hash(String(token))) else {
            throw CentreError.unknownToken
        }
        guard terminal.revokedAt == nil else { throw CentreError.terminalRevoked }
        guard terminal.accepts(certificate: certificate) else {
            context.logger.warning("certificate of another terminal", metadata: ["terminal": "\(terminal.id)"])
            throw CentreError.certificateMismatch
        }
        var context = context
        context.terminal = terminal
        context.logger[metadataKey: "terminal"] = "\(terminal.id)"
        return try await next(request, context)
    }
}

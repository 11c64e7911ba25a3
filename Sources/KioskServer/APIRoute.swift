import Hummingbird

/// One endpoint: method, path (OpenAPI syntax, `{name}` for parameters) and handler. The router
/// is built from the list of these, and a test checks the list against `openapi.yaml`, so the
/// document cannot drift from the code.
public struct APIRoute<Context: RequestContext>: Sendable {
    public let method: HTTPRequest.Method
    public let path: String
    let handler: @Sendable (Request, Context) async throws -> Response

    init(
        _ method: HTTPRequest.Method, _ path: String,
        _ handler: @escaping @Sendable (Request, Context) async throws -> Response
    ) {
        self.method = method
        self.path = path
        self.handler = handler
    }
}

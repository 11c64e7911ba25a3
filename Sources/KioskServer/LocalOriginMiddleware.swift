import HTTPTypes
import Hummingbird

/// Keeps the terminal's localhost API to its own pages. Any website open in the kiosk's or the
/// desk's browser can send requests to 127.0.0.1: without this it could spend the inserted card's
/// PIN tries or lock staff accounts with a `text/plain` POST (no preflight), and with DNS
/// rebinding read the answers.
///
/// - `Host` must name this terminal (``KioskServerConfiguration/hostNames``), on every path: a
///   rebound name is refused before anything is served.
/// - On `/api`, an `Origin` must be one of this service's own origins, and a browser's
///   `Sec-Fetch-Site` must say the request comes from the same origin (or from no page at all).
///
/// Requests from programs (no `Origin`, no `Sec-Fetch-Site`) pass; JSON bodies are separately
/// required to say they are JSON (``JSONBody``), which a cross-site form cannot.
struct LocalOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    let hostNames: Set<String>
    let origins: Set<String>

    init(configuration: KioskServerConfiguration) {
        hostNames = Set(configuration.hostNames.map { $0.lowercased() })
        origins = Set(configuration.origins)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        // HTTP/1's Host becomes the authority; a request built otherwise may carry it as a field too.
        let names = [request.head.authority, request.headers[.host]].compactMap { $0 }.map(Self.hostName(of:))
        if !names.allSatisfy(hostNames.contains) {
            throw APIError.foreignHost
        }
        if request.uri.path.hasPrefix("/api/") {
            if let origin = request.headers[.origin], !origins.contains(origin.lowercased()) {
                throw APIError.foreignOrigin
            }
            if let site = request.headers[.secFetchSite], site != "same-origin" && site != "none" {
                throw APIError.foreignOrigin
            }
        }
        return try await next(request, context)
    }

    /// The name in a Host value, without its port (`[::1]:8080` → `::1`).
    static func hostName(of authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("["), let end = lowered.firstIndex(of: "]") {
            return String(lowered[lowered.index(after: lowered.startIndex)..<end])
        }
        return String(lowered.split(separator: ":", maxSplits: 1).first ?? "")
    }
}

extension HTTPField.Name {
    /// Where a browser says a request comes from: `same-origin`, `same-site`, `cross-site` or `none`.
    static let secFetchSite = Self("Sec-Fetch-Site")!
    static let host = Self("Host")!
}

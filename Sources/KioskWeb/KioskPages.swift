import Foundation
import Hummingbird
import Mustache

/// The kiosk's page for residents (`/kiosk`) and the desk's page for clerks (`/desk`), their
/// scripts and style sheet (`/static/...`) and spoken prompts (`/kiosk/speech/{key}`).
///
/// The pages hold no personal data: they are the same for everyone, and their scripts fetch the
/// person from the API with the session's token, kept in memory only. Every response says
/// `Cache-Control: no-store`, so nothing of a session outlives it in the browser's cache.
public struct KioskPages: Sendable {
    private let library: MustacheLibrary
    private let strings: PageStrings
    private let assets: StaticAssets
    private let speech: (any SpeechSynthesiser)?

    /// Loads the templates, strings and static files shipped with the module; `speech` nil
    /// turns the spoken-prompt option off (the route answers 404). Prompts are made once each and
    /// kept, up to `speechCacheBytes` (``SpeechCache``).
    public init(
        speech: (any SpeechSynthesiser)? = EspeakSpeech(), speechCacheBytes: Int = SpeechCache.defaultMaximumBytes
    ) throws {
        guard let root = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw KioskWebError.missingResources("Resources/")
        }
        var library = MustacheLibrary()
        for name in ["kiosk", "desk", "head", "toolbar"] {
            let url = root.appendingPathComponent("templates/\(name).mustache")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw KioskWebError.missingResources("templates/\(name).mustache")
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw KioskWebError.badTemplate(name, "\(error)")
            }
        }
        self.library = library
        guard let strings = try? Data(contentsOf: root.appendingPathComponent("strings.json")) else {
            throw KioskWebError.missingResources("strings.json")
        }
        self.strings = try PageStrings(data: strings)
        assets = try StaticAssets(directory: root.appendingPathComponent("static"))
        self.speech = speech.map { SpeechCache($0, maximumBytes: speechCacheBytes) }
    }

    /// Adds the pages' routes to the terminal's router.
    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/kiosk") { _, _ in try page("kiosk") }
        router.get("/desk") { _, _ in try page("desk") }
        router.get("/static/{name}") { _, context in
            guard let asset = assets[try context.parameters.require("name")] else { throw HTTPError(.notFound) }
            return Self.response(asset.bytes, contentType: asset.contentType)
        }
        router.get("/kiosk/speech/{key}") { request, context in
            try await spoken(try context.parameters.require("key"), request: request)
        }
    }

    /// A page in Chinese, with both languages' strings for the script's switch.
    func render(_ name: String) throws -> String {
        let context: [String: Any] = [
            "t": strings.table(.chinese), "strings": strings.json, "speech": speech != nil,
        ]
        guard let html = library.render(context, withTemplate: name) else {
            throw KioskWebError.missingResources("templates/\(name).mustache")
        }
        return html
    }

    private func page(_ name: String) throws -> Response {
        Self.response([UInt8](try render(name).utf8), contentType: "text/html; charset=utf-8")
    }

    /// One of the pages' own strings spoken: never free text, so nothing of a person is said aloud.
    private func spoken(_ key: String, request: Request) async throws -> Response {
        guard let speech else { throw HTTPError(.notFound) }
        let language = request.uri.queryParameters.get("lang").flatMap { PageLanguage(rawValue: String($0)) }
        guard let text = strings.text(key, in: language ?? .chinese) else { throw HTTPError(.notFound) }
        return Self.response(
            try await speech.wav(speaking: text, language: language ?? .chinese), contentType: "audio/wav")
    }

    private static func response(_ bytes: [UInt8], contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        // No other page may frame the kiosk's or the desk's (clickjacking a PIN pad or a desk button).
        headers[.contentSecurityPolicy] =
            "default-src 'self'; media-src 'self' blob:; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

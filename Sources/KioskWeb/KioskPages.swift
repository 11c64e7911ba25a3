import Foundation
import Hummingbird

/// The kiosk's page for residents (`/kiosk`) and the desk's page for clerks (`/desk`), their
/// scripts and style sheet (`/static/...`) and spoken prompts (`/kiosk/speech/{key}`).
///
/// The pages hold no personal data: they are the same for everyone, and their scripts fetch the
/// person from the API with the session's token, kept in memory only. Every response says
/// `Cache-Control: no-store`, so nothing of a session outlives it in the browser's cache.
public struct KioskPages: Sendable {
    private let resources: PageResources
    private let speech: (any SpeechSynthesiser)?
    private let publishedText: (@Sendable (_ kind: String, _ id: String) async throws -> String?)?

    /// Loads the templates, strings and static files shipped with the module; `speech` nil
    /// turns the spoken-prompt option off (the route answers 404). Prompts are made once each and
    /// kept, up to `speechCacheBytes` (``SpeechCache``). `publishedText` gives what the county
    /// published as one text (a service's `guide` by its service, a `notice` by its id), read aloud
    /// at `/kiosk/speech/guide/{service}` and `/kiosk/speech/notice/{id}` in Chinese, as published.
    public init(
        speech: (any SpeechSynthesiser)? = EspeakSpeech(), speechCacheBytes: Int = SpeechCache.defaultMaximumBytes,
        publishedText: (@Sendable (_ kind: String, _ id: String) async throws -> String?)? = nil
    ) throws {
        resources = try PageResources(templates: ["kiosk", "desk"], strings: "strings.json")
        self.speech = speech.map { SpeechCache($0, maximumBytes: speechCacheBytes) }
        self.publishedText = publishedText
    }

    /// Adds the pages' routes to the terminal's router.
    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/kiosk") { _, _ in try resources.page("kiosk", ["speech": speech != nil]) }
        router.get("/desk") { _, _ in try resources.page("desk", ["speech": speech != nil]) }
        router.get("/static/{name}") { _, context in try resources.asset(context) }
        router.get("/kiosk/speech/{key}") { request, context in
            try await spoken(try context.parameters.require("key"), request: request)
        }
        // The router takes one parameter name at one place: `key` here is the publication's kind.
        router.get("/kiosk/speech/{key}/{id}") { _, context in
            try await spokenPublication(try context.parameters.require("key"), try context.parameters.require("id"))
        }
    }

    /// A page in Chinese, with both languages' strings for the script's switch.
    func render(_ name: String) throws -> String { try resources.render(name, ["speech": speech != nil]) }

    /// A guide or a notice spoken: text the county published, never a person's.
    private func spokenPublication(_ kind: String, _ id: String) async throws -> Response {
        guard let speech, let publishedText, let text = try await publishedText(kind, id) else {
            throw HTTPError(.notFound)
        }
        return PageResources.response(
            try await speech.wav(speaking: text, language: .chinese), contentType: "audio/wav")
    }

    /// One of the pages' own strings spoken: never free text, so nothing of a person is said aloud.
    private func spoken(_ key: String, request: Request) async throws -> Response {
        guard let speech else { throw HTTPError(.notFound) }
        let language = request.uri.queryParameters.get("lang").flatMap { PageLanguage(rawValue: String($0)) }
        guard let text = resources.strings.text(key, in: language ?? .chinese) else { throw HTTPError(.notFound) }
        return PageResources.response(
            try await speech.wav(speaking: text, language: language ?? .chinese), contentType: "audio/wav")
    }
}

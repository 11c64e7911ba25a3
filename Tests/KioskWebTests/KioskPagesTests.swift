import Foundation
import Hummingbird
import HummingbirdTesting
import KioskWeb
import Testing

@Suite("The kiosk's and the desk's pages: rendered, never cached, both languages complete")
struct KioskPagesTests {
    static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let resources = sourceRoot.appendingPathComponent("Sources/KioskWeb/Resources")

    func withPages(
        speech: (any SpeechSynthesiser)? = RecordingSpeech(),
        publishedText: (@Sendable (String, String) async throws -> String?)? = nil,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let router = Router()
        try KioskPages(speech: speech, publishedText: publishedText).addRoutes(to: router)
        try await Application(router: router).test(.router) { client in try await body(client) }
    }

    static func strings(_ file: String = "strings.json") throws -> [String: [String: String]] {
        try JSONDecoder().decode(
            [String: [String: String]].self, from: Data(contentsOf: resources.appendingPathComponent(file)))
    }

    /// The string keys the templates and scripts in `files` use.
    static func keys(usedIn files: [String]) throws -> Set<String> {
        var used = Set<String>()
        for file in files {
            let text = try String(contentsOf: resources.appendingPathComponent(file), encoding: .utf8)
            for pattern in [#"data-t="([A-Za-z-]+)""#, #"\bt\("([A-Za-z-]+)""#, #"\{\{t\.([A-Za-z-]+)\}\}"#] {
                let regex = try Regex(pattern)
                for match in text.matches(of: regex) {
                    if let key = match.output[1].substring { used.insert(String(key)) }
                }
            }
        }
        return used
    }

    @Test(
        "each page is whole HTML in Chinese, marked no-store, with both languages' strings for the switch",
        arguments: ["/kiosk", "/desk"])
    func pages(path: String) async throws {
        try await withPages { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            let html = String(buffer: response.body)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains(#"<html lang="zh-CN">"#))
            #expect(!html.contains("{{"), "every Mustache tag is rendered")
            let strings = try Self.strings()
            #expect(html.contains(try #require(strings["zh"]?["language"])))
            #expect(html.contains(try #require(strings["en"]?["insertCard"])), "English is in the page's table")
        }
    }

    @Test("scripts and the style sheet are served with their types; an unknown file is 404")
    func staticFiles() async throws {
        try await withPages { client in
            for (name, type) in [
                ("kiosk.js", "text/javascript; charset=utf-8"), ("desk.js", "text/javascript; charset=utf-8"),
                ("common.js", "text/javascript; charset=utf-8"), ("pages.css", "text/css; charset=utf-8"),
            ] {
                let response = try await client.execute(uri: "/static/\(name)", method: .get)
                #expect(response.status == .ok, "\(name)")
                #expect(response.headers[.contentType] == type)
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.body.readableBytes > 100)
            }
            #expect(try await client.execute(uri: "/static/missing.js", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/static/..%2FPackage.swift", method: .get).status == .notFound)
        }
    }

    @Test("a spoken prompt says the page's own string in the language asked; free text is refused")
    func spokenPrompts() async throws {
        let speech = RecordingSpeech()
        let strings = try Self.strings()
        try await withPages(speech: speech) { client in
            let chinese = try await client.execute(uri: "/kiosk/speech/insertCard", method: .get)
            #expect(chinese.status == .ok)
            #expect(chinese.headers[.contentType] == "audio/wav")
            #expect(chinese.headers[.cacheControl] == "no-store")
            let english = try await client.execute(uri: "/kiosk/speech/takeCard?lang=en", method: .get)
            #expect(english.status == .ok)
            #expect(try await client.execute(uri: "/kiosk/speech/%E5%BC%A0%E4%B8%89", method: .get).status == .notFound)
        }
        #expect(speech.requests.map(\.0) == [strings["zh"]?["insertCard"], strings["en"]?["takeCard"]])
        #expect(speech.requests.map(\.1) == [.chinese, .english])
    }

    @Test("a published guide or notice is read aloud in Chinese on request; one not published answers 404")
    func spokenPublication() async throws {
        let speech = RecordingSpeech()
        let published: @Sendable (String, String) async throws -> String? = { kind, id in
            switch (kind, id) {
            case ("guide", "card-application"): "社会保障卡申领。"
            case ("notice", "N-1"): "通知。"
            default: nil
            }
        }
        try await withPages(speech: speech, publishedText: published) { client in
            let read = try await client.execute(uri: "/kiosk/speech/guide/card-application", method: .get)
            #expect(read.status == .ok && read.headers[.contentType] == "audio/wav")
            #expect(try await client.execute(uri: "/kiosk/speech/notice/N-1", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/kiosk/speech/guide/loss-report", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/kiosk/speech/person/N-1", method: .get).status == .notFound)
        }
        #expect(speech.requests.map(\.0) == ["社会保障卡申领。", "通知。"] && speech.requests.allSatisfy { $0.1 == .chinese })
        try await withPages(speech: nil, publishedText: { _, _ in "x" }) { client in
            let silent = try await client.execute(uri: "/kiosk/speech/guide/card-application", method: .get)
            #expect(silent.status == .notFound, "no synthesiser, no speech")
        }
    }

    @Test("without a synthesiser the pages offer no speech and the prompt route answers 404")
    func noSpeech() async throws {
        try await withPages(speech: nil) { client in
            let kiosk = String(buffer: try await client.execute(uri: "/kiosk", method: .get).body)
            #expect(!kiosk.contains("toggle-speech"))
            #expect(try await client.execute(uri: "/kiosk/speech/insertCard", method: .get).status == .notFound)
        }
    }

    @Test("both languages have every string, and every key the templates and scripts use exists")
    func stringsAreComplete() throws {
        let strings = try Self.strings()
        let chinese = try #require(strings["zh"])
        let english = try #require(strings["en"])
        #expect(Set(chinese.keys) == Set(english.keys))
        #expect(chinese.values.allSatisfy { !$0.isEmpty } && english.values.allSatisfy { !$0.isEmpty })
        let used = try Self.keys(usedIn: [
            "templates/kiosk.mustache", "templates/desk.mustache", "templates/toolbar.mustache",
            "static/kiosk.js", "static/desk.js",
        ])
        #expect(used.count > 40)
        #expect(used.subtracting(chinese.keys).isEmpty, "keys without a string: \(used.subtracting(chinese.keys))")
    }
}

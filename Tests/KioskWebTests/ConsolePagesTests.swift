import Foundation
import Hummingbird
import HummingbirdTesting
import KioskWeb
import Testing

@Suite("The county centre's console page: rendered, never cached, both languages complete")
struct ConsolePagesTests {
    @Test("/console is whole HTML in Chinese, marked no-store, and its script and the shared files are served")
    func page() async throws {
        let router = Router()
        try ConsolePages().addRoutes(to: router)
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/console", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            let html = String(buffer: response.body)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(!html.contains("{{"), "every Mustache tag is rendered")
            let strings = try KioskPagesTests.strings("console-strings.json")
            #expect(html.contains(try #require(strings["zh"]?["consoleTitle"])))
            #expect(html.contains(try #require(strings["en"]?["consoleTitle"])), "English is in the page's table")
            #expect(!html.contains("toggle-speech"), "the console speaks nothing")
            for name in ["console.js", "common.js", "pages.css"] {
                #expect(try await client.execute(uri: "/static/\(name)", method: .get).status == .ok)
            }
        }
    }

    @Test("both languages have every string, and every key the console's template and script use exists")
    func stringsAreComplete() throws {
        let strings = try KioskPagesTests.strings("console-strings.json")
        let chinese = try #require(strings["zh"])
        let english = try #require(strings["en"])
        #expect(Set(chinese.keys) == Set(english.keys))
        #expect(chinese.values.allSatisfy { !$0.isEmpty } && english.values.allSatisfy { !$0.isEmpty })
        let used = try KioskPagesTests.keys(usedIn: [
            "templates/console.mustache", "templates/toolbar.mustache", "static/console.js", "static/common.js",
        ])
        #expect(used.count > 25)
        #expect(used.subtracting(chinese.keys).isEmpty, "keys without a string: \(used.subtracting(chinese.keys))")
    }
}

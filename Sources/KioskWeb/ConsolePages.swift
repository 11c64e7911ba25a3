import Foundation
import Hummingbird

/// The county centre's console for its staff (`/console`), on the same Mustache, vanilla
/// JavaScript and style sheet as the terminal's pages. The page holds no data: its script signs in
/// to the centre's console API and keeps the token in memory only.
public struct ConsolePages: Sendable {
    private let resources: PageResources

    public init() throws {
        resources = try PageResources(templates: ["console"], strings: "console-strings.json")
    }

    /// Adds the console's page and the shared static files to the centre's router.
    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/console") { _, _ in try resources.page("console") }
        router.get("/static/{name}") { _, context in try resources.asset(context) }
    }

    func render() throws -> String { try resources.render("console") }
}

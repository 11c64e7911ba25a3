import Foundation
import KioskServer
import Testing

@Suite("The OpenAPI document matches the routes")
struct OpenAPITests {
    /// (method, path) pairs of `paths:` in the document, read line by line: paths at two spaces,
    /// methods at four.
    static func documented() throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/KioskServer/openapi.yaml")
        var pairs: Set<String> = []
        var paths: Set<String> = []
        var path: String?
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("  /") {
                path = String(line.dropFirst(2).dropLast())
                // YAML keeps only the last of two equal keys: its operations would vanish for every reader but this one.
                #expect(paths.insert(path!).inserted, "\(path!) is listed twice in openapi.yaml")
            }
            let methods = ["get", "post", "put", "delete", "patch"]
            if let path, line.hasPrefix("    "), !line.hasPrefix("     "),
                let method = methods.first(where: { line == "    \($0):" })
            {
                pairs.insert("\(method.uppercased()) \(path)")
            }
        }
        return pairs
    }

    @Test("every route is documented and every documented operation is a route")
    func matches() throws {
        let terminal = try TestTerminal.make()
        let routes = Set(terminal.terminal.routes.map { "\($0.method) \($0.path)" })
        let documented = try Self.documented()
        #expect(
            routes.subtracting(documented).isEmpty,
            "routes missing from openapi.yaml: \(routes.subtracting(documented))")
        #expect(documented.subtracting(routes).isEmpty, "documented but not routed: \(documented.subtracting(routes))")
        #expect(routes.count > 20)
    }
}

import Foundation

/// The pages' scripts, style sheet and images, read once at start: a handful of small files
/// that never change while the service runs.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    private let assets: [String: Asset]

    init(directory: URL) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard !names.isEmpty else { throw KioskWebError.missingResources("static/") }
        var assets: [String: Asset] = [:]
        for name in names {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            assets[name] = Asset(bytes: [UInt8](data), contentType: Self.contentType(of: name))
        }
        self.assets = assets
    }

    subscript(name: String) -> Asset? { assets[name] }

    private static func contentType(of name: String) -> String {
        switch URL(fileURLWithPath: name).pathExtension {
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }
}

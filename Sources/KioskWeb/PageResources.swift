import Foundation
import Hummingbird
import Mustache

/// One set of pages' templates and strings, with the static files every set shares, read once
/// from the module's resources; and the headers every page and file is answered with.
struct PageResources: Sendable {
    private let library: MustacheLibrary
    let strings: PageStrings
    let assets: StaticAssets

    /// `templates` from `Resources/templates/NAME.mustache` (with the shared `head` and `toolbar`),
    /// the words from `Resources/STRINGS`.
    init(templates: [String], strings file: String) throws {
        guard let root = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw KioskWebError.missingResources("Resources/")
        }
        var library = MustacheLibrary()
        for name in templates + ["head", "toolbar"] {
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
        guard let strings = try? Data(contentsOf: root.appendingPathComponent(file)) else {
            throw KioskWebError.missingResources(file)
        }
        self.strings = try PageStrings(data: strings)
        assets = try StaticAssets(directory: root.appendingPathComponent("static"))
    }

    /// A page in Chinese, with both languages' strings for the script's switch.
    func render(_ name: String, _ context: [String: Any] = [:]) throws -> String {
        let context = context.merging(["t": strings.table(.chinese), "strings": strings.json]) { own, _ in own }
        guard let html = library.render(context, withTemplate: name) else {
            throw KioskWebError.missingResources("templates/\(name).mustache")
        }
        return html
    }

    func page(_ name: String, _ context: [String: Any] = [:]) throws -> Response {
        Self.response([UInt8](try render(name, context).utf8), contentType: "text/html; charset=utf-8")
    }

    /// `/static/{name}`.
    func asset(_ context: some RequestContext) throws -> Response {
        guard let asset = assets[try context.parameters.require("name")] else { throw HTTPError(.notFound) }
        return Self.response(asset.bytes, contentType: asset.contentType)
    }

    static func response(_ bytes: [UInt8], contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        // No other page may frame these (clickjacking a PIN pad, a desk's or the console's button).
        headers[.contentSecurityPolicy] =
            "default-src 'self'; media-src 'self' blob:; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

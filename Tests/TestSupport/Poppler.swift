import Foundation

/// The command-line tools the tests read PDFs with, as a person at the printer would check the
/// paper: poppler-utils (pdftotext, pdfinfo, pdftoppm, pdffonts, pdfimages) and zbar-tools
/// (zbarimg), which hardware/rig/install-deps installs.
package enum Poppler {
    /// The standard output of /usr/bin/TOOL with `arguments`; it must succeed.
    package static func run(_ tool: String, _ arguments: [String]) async throws -> String {
        try await CommandRun.standardOutput(of: ["/usr/bin/\(tool)"] + arguments)
    }

    /// The text of pages `first` to `last` (from the first, to the last when nil), whitespace
    /// removed, so that checks do not depend on how pdftotext spaces out CJK text.
    package static func text(of path: String, first: Int? = nil, last: Int? = nil) async throws -> String {
        var arguments = ["-enc", "UTF-8"]
        if let first { arguments += ["-f", String(first)] }
        if let last { arguments += ["-l", String(last)] }
        let output = try await run("pdftotext", arguments + [path, "-"])
        return String(output.unicodeScalars.filter { !$0.properties.isWhitespace })
    }

    /// What pdfinfo says of a PDF.
    package struct Info: Sendable {
        package var pages: Int
        /// The first page's size in points.
        package var width: Double
        package var height: Double
    }

    /// The page count and the first page's size, from pdfinfo.
    package static func info(of path: String) async throws -> Info {
        let output = try await run("pdfinfo", [path])
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        // "Page size:      595.276 x 841.89 pts (A4)"
        let size = (fields["Page size"] ?? "").split(separator: " ").compactMap { Double($0) }
        guard let pages = fields["Pages"].flatMap({ Int($0) }), size.count >= 2 else {
            throw TestSupportError.unexpectedOutput("pdfinfo \(path)", output)
        }
        return Info(pages: pages, width: size[0], height: size[1])
    }

    /// A word pdftotext found, with its box in points from the page's top-left corner.
    package struct Word: Sendable {
        package var text: String
        package var xMin: Double
        package var yMin: Double
        package var xMax: Double
        package var yMax: Double
    }

    /// The words of page `page` with their boxes, from pdftotext -bbox.
    package static func words(of path: String, page: Int = 1) async throws -> [Word] {
        let html = try await run(
            "pdftotext", ["-bbox", "-enc", "UTF-8", "-f", String(page), "-l", String(page), path, "-"])
        let pattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/
        return html.matches(of: pattern).map { match in
            Word(
                text: String(match.5), xMin: Double(match.1)!, yMin: Double(match.2)!, xMax: Double(match.3)!,
                yMax: Double(match.4)!)
        }
    }

    /// Draws every page (or only `page`) as PNG at `resolution` dpi into `directory`, as
    /// NAME-rRESOLUTION-PAGE.png, the same name's images of an earlier run removed first; returns
    /// the images in page order.
    package static func rasterise(
        _ path: String, resolution: Int, page: Int? = nil, into directory: URL, name: String
    ) async throws -> [URL] {
        let prefix = directory.appendingPathComponent("\(name)-r\(resolution)")
        let isPageImage = { (file: URL) in file.lastPathComponent.hasPrefix(prefix.lastPathComponent + "-") }
        let old = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        for file in old where isPageImage(file) { try FileManager.default.removeItem(at: file) }
        let pages = page.map { ["-f", String($0), "-l", String($0)] } ?? []
        _ = try await run("pdftoppm", ["-r", String(resolution), "-png"] + pages + [path, prefix.path])
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter(isPageImage).sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Each font of the PDF and whether it is embedded, from pdffonts.
    package static func fonts(of path: String) async throws -> [(name: String, embedded: Bool)] {
        try await run("pdffonts", [path]).split(separator: "\n").dropFirst(2).map { line in
            let columns = line.split(separator: " ")
            // name type [encoding...] emb sub uni object ID: emb is the fifth column from the end.
            return (String(columns[0]), columns[columns.count - 5] == "yes")
        }
    }

    /// The images of the PDF: encoding (`jpeg`, `image`, ...) and size in pixels, from pdfimages -list.
    package static func images(of path: String) async throws -> [(encoding: String, width: Int, height: Int)] {
        try await run("pdfimages", ["-list", path]).split(separator: "\n").dropFirst(2).map { line in
            let columns = line.split(separator: " ")
            return (String(columns[8]), Int(columns[3]) ?? 0, Int(columns[4]) ?? 0)
        }
    }

    /// The QR codes zbarimg finds in an image.
    package static func qrCodes(in image: URL) async throws -> [String] {
        try await run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", image.path])
            .split(separator: "\n").map(String.init)
    }
}

extension [Poppler.Word] {
    /// The words on the same line as the first word containing `text`, left to right, joined:
    /// pdftotext's reading order of a table is not always the page's.
    package func line(containing text: String) -> String? {
        guard let anchor = first(where: { $0.text.contains(text) }) else { return nil }
        return filter { abs($0.yMin - anchor.yMin) < 2 }.sorted { $0.xMin < $1.xMin }.map(\.text).joined()
    }
}

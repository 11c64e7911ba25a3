import Documents
import Foundation
import Testing

/// The command-line tools the tests check PDFs with: poppler-utils (pdftotext, pdfinfo, pdftoppm,
/// pdffonts, pdfimages) and zbar-tools (zbarimg), installed by hardware/rig/install-deps.
enum Poppler {
    /// Rendered documents and their page images, kept after the run for a person to look at.
    static let outputDirectory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sskiosk-documents-tests")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes `pdf` as NAME.pdf in the output directory and returns its path.
    static func save(_ pdf: [UInt8], as name: String) throws -> String {
        let url = outputDirectory.appendingPathComponent("\(name).pdf")
        try Data(pdf).write(to: url)
        return url.path
    }

    /// The text of pages `first` to `last` (all when nil), whitespace removed, so that checks do not
    /// depend on how pdftotext spaces out CJK text.
    static func text(of path: String, first: Int? = nil, last: Int? = nil) throws -> String {
        var arguments = ["-enc", "UTF-8"]
        if let first { arguments += ["-f", String(first)] }
        if let last { arguments += ["-l", String(last)] }
        let output = try run("pdftotext", arguments + [path, "-"])
        return String(output.unicodeScalars.filter { !$0.properties.isWhitespace })
    }

    struct Info {
        var pages: Int
        var width: Double
        var height: Double
    }

    /// Page count and the first page's size in points, from pdfinfo.
    static func info(of path: String) throws -> Info {
        let output = try run("pdfinfo", [path])
        var info = Info(pages: 0, width: 0, height: 0)
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0] == "Pages" { info.pages = Int(parts[1]) ?? 0 }
            if parts[0] == "Page size" {
                let numbers = parts[1].split(separator: " ").compactMap { Double($0) }
                if numbers.count >= 2 { (info.width, info.height) = (numbers[0], numbers[1]) }
            }
        }
        return info
    }

    /// Renders every page to PNG at `resolution` dpi; returns the files, page order.
    static func rasterise(_ path: String, resolution: Int, name: String) throws -> [URL] {
        let prefix = outputDirectory.appendingPathComponent("\(name)-r\(resolution)")
        _ = try run("pdftoppm", ["-r", String(resolution), "-png", path, prefix.path])
        let files = try FileManager.default.contentsOfDirectory(at: outputDirectory, includingPropertiesForKeys: nil)
        return files.filter { $0.lastPathComponent.hasPrefix(prefix.lastPathComponent + "-") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Each font of the PDF and whether it is embedded, from pdffonts.
    static func fonts(of path: String) throws -> [(name: String, embedded: Bool)] {
        let lines = try run("pdffonts", [path]).split(separator: "\n").dropFirst(2)
        return lines.map { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type [encoding...] emb sub uni object ID: emb is the fifth column from the end.
            return (String(columns[0]), columns[columns.count - 5] == "yes")
        }
    }

    /// The images of the PDF: encoding (`jpeg`, `image`, ...) and size in pixels, from pdfimages -list.
    static func images(of path: String) throws -> [(encoding: String, width: Int, height: Int)] {
        try run("pdfimages", ["-list", path]).split(separator: "\n").dropFirst(2).map { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            return (String(columns[8]), Int(columns[3]) ?? 0, Int(columns[4]) ?? 0)
        }
    }

    /// The QR codes zbarimg finds in a PNG.
    static func qrCodes(in png: URL) throws -> [String] {
        try run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.path])
            .split(separator: "\n").map(String.init)
    }

    /// Runs /usr/bin/TOOL with stdout to a file (posix_spawn, no pipes to fill up) and returns it.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(tool)-\(UUID().uuidString).out")
        defer { unlink(output.path) }
        let argv =
            ["/bin/sh", "-c", "exec \"$0\" \"$@\" >\"\(output.path)\" 2>/dev/null </dev/null", "/usr/bin/\(tool)"]
            + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &cArguments, environ) == 0 else {
            throw ToolFailure(description: "could not start \(tool)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            throw ToolFailure(description: "\(tool) \(arguments.joined(separator: " ")) exited with status \(status)")
        }
        return try String(contentsOf: output, encoding: .utf8)
    }
}

struct ToolFailure: Error, CustomStringConvertible {
    let description: String
}

extension Poppler {
    /// A word pdftotext found, with its box in points from the page's top-left corner.
    struct Word {
        var text: String
        var xMin: Double
        var yMin: Double
        var xMax: Double
        var yMax: Double
    }

    /// The words of page `page` with their boxes, from pdftotext -bbox.
    static func words(of path: String, page: Int = 1) throws -> [Word] {
        let html = try run("pdftotext", ["-bbox", "-enc", "UTF-8", "-f", String(page), "-l", String(page), path, "-"])
        let pattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/
        return html.matches(of: pattern).map { match in
            Word(
                text: String(match.5), xMin: Double(match.1)!, yMin: Double(match.2)!, xMax: Double(match.3)!,
                yMax: Double(match.4)!)
        }
    }
}

extension [Poppler.Word] {
    /// The words on the same line as the first word containing `text`, left to right, joined.
    func line(containing text: String) -> String? {
        guard let anchor = first(where: { $0.text.contains(text) }) else { return nil }
        return filter { abs($0.yMin - anchor.yMin) < 2 }.sorted { $0.xMin < $1.xMin }.map(\.text).joined()
    }
}

/// A rendered document saved, with the checks every document gets: page count and size from
/// pdfinfo, every page rasterised by pdftoppm at 50 dpi, every font embedded.
struct CheckedPDF {
    let path: String
    let info: Poppler.Info
    /// The whole text, whitespace removed.
    let text: String

    init(
        _ rendered: RenderedDocument, name: String, width: Double, height: Double? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        path = try Poppler.save(rendered.pdf, as: name)
        info = try Poppler.info(of: path)
        text = try Poppler.text(of: path)
        #expect(info.pages == rendered.pageCount, sourceLocation: sourceLocation)
        #expect(abs(info.width - width) < 0.01, "width \(info.width) pt", sourceLocation: sourceLocation)
        #expect(abs(info.width - rendered.pageWidth) < 0.01, sourceLocation: sourceLocation)
        #expect(abs(info.height - rendered.pageHeight) < 0.01, sourceLocation: sourceLocation)
        if let height {
            #expect(abs(info.height - height) < 0.01, "height \(info.height) pt", sourceLocation: sourceLocation)
        }
        let pages = try Poppler.rasterise(path, resolution: 50, name: name)
        #expect(pages.count == rendered.pageCount, sourceLocation: sourceLocation)
        let fonts = try Poppler.fonts(of: path)
        #expect(!fonts.isEmpty && fonts.allSatisfy(\.embedded), "fonts: \(fonts)", sourceLocation: sourceLocation)
    }

    /// Records a failure for each expected text the PDF lacks.
    func expectText(_ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for item in expected {
            let compact = String(item.unicodeScalars.filter { !$0.properties.isWhitespace })
            #expect(text.contains(compact), "the PDF lacks «\(item)»", sourceLocation: sourceLocation)
        }
    }
}

/// Paper sizes in points.
enum Paper {
    static let a4Short = 595.2756
    static let a4Long = 841.8898
    static let rollWidth = 80 * 72 / 25.4
    static let cardWidth = 85.6 * 72 / 25.4
    static let cardHeight = 53.98 * 72 / 25.4
}

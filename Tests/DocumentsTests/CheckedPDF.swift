import Documents
import Foundation
import TestSupport
import Testing

/// Rendered documents and their page images, kept after the run for a person to look at.
enum TestOutput {
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sskiosk-documents-tests")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes `pdf` as NAME.pdf in the directory and returns its path.
    static func save(_ pdf: [UInt8], as name: String) throws -> String {
        let url = directory.appendingPathComponent("\(name).pdf")
        try Data(pdf).write(to: url)
        return url.path
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
    ) async throws {
        path = try TestOutput.save(rendered.pdf, as: name)
        info = try await Poppler.info(of: path)
        text = try await Poppler.text(of: path)
        #expect(info.pages == rendered.pageCount, sourceLocation: sourceLocation)
        #expect(abs(info.width - width) < 0.01, "width \(info.width) pt", sourceLocation: sourceLocation)
        #expect(abs(info.width - rendered.pageWidth) < 0.01, sourceLocation: sourceLocation)
        #expect(abs(info.height - rendered.pageHeight) < 0.01, sourceLocation: sourceLocation)
        if let height {
            #expect(abs(info.height - height) < 0.01, "height \(info.height) pt", sourceLocation: sourceLocation)
        }
        let pages = try await Poppler.rasterise(path, resolution: 50, into: TestOutput.directory, name: name)
        #expect(pages.count == rendered.pageCount, sourceLocation: sourceLocation)
        let fonts = try await Poppler.fonts(of: path)
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

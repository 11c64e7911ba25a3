import Foundation

/// A PDF to print, with the title staff see in the printer's queue (the IPP document name).
public struct PrintDocument: Sendable {
    public let pdf: [UInt8]
    public let title: String

    /// Fails with ``PrintingError/notPDF`` unless `pdf` starts like a PDF file ("%PDF-").
    public init(pdf: [UInt8], title: String) throws(PrintingError) {
        guard pdf.starts(with: Array("%PDF-".utf8)) else { throw .notPDF }
        self.pdf = pdf
        self.title = title
    }

    /// Reads the PDF at `path`; the title defaults to the file's name.
    public init(contentsOfFile path: String, title: String? = nil) throws(PrintingError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadableFile(path) }
        try self.init(pdf: Array(data), title: title ?? URL(fileURLWithPath: path).lastPathComponent)
    }
}

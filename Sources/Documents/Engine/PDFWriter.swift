import CCairo

/// A cairo PDF surface writing into memory, and the drawing context on it.
final class PDFWriter {
    private let sink = ByteSink()
    private let surface: OpaquePointer
    /// The cairo context to draw the current page with.
    let cairo: OpaquePointer

    /// A document whose first page is `width` x `height` points.
    init(width: Double, height: Double, title: String) throws {
        surface = cairo_pdf_surface_create_for_stream(
            ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        cairo = cairo_create(surface)
        try Self.check(cairo_status(cairo))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "sskiosk Documents")
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// Sizes the page about to be drawn; a roll receipt learns its length only after layout.
    func beginPage(width: Double, height: Double) {
        cairo_pdf_surface_set_size(surface, width, height)
    }

    func endPage() throws {
        cairo_show_page(cairo)
        try Self.check(cairo_status(cairo))
    }

    /// Completes the PDF and returns its bytes.
    func finish() throws -> [UInt8] {
        cairo_surface_finish(surface)
        try Self.check(cairo_surface_status(surface))
        return sink.bytes
    }

    private static func check(_ status: cairo_status_t) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw DocumentError.renderingFailed(String(cString: cairo_status_to_string(status)))
        }
    }
}

import CCairo
import Glibc

/// A picture ready for cairo: a PNG decoded by cairo, or a JPEG passed through to the PDF untouched.
final class ImageSurface {
    let pointer: OpaquePointer
    let width: Double
    let height: Double

    /// Larger photos must be scaled down before they reach a document (a card photo is 358 x 441).
    static let maximumSide = 4096

    /// Decodes `bytes`; `key` names the image in errors.
    init(_ bytes: [UInt8], key: String) throws {
        if let header = JPEGHeader(bytes) {
            guard header.width <= Self.maximumSide, header.height <= Self.maximumSide,
                let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(header.width), Int32(header.height)),
                cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
            else { throw DocumentError.invalidImage(key) }
            let copy = malloc(bytes.count)!
            copy.copyMemory(from: bytes, byteCount: bytes.count)
            let status = cairo_surface_set_mime_data(
                surface, CAIRO_MIME_TYPE_JPEG, copy.assumingMemoryBound(to: UInt8.self), UInt(bytes.count),
                { free($0) }, copy)
            guard status == CAIRO_STATUS_SUCCESS else {
                free(copy)
                cairo_surface_destroy(surface)
                throw DocumentError.invalidImage(key)
            }
            pointer = surface
            width = Double(header.width)
            height = Double(header.height)
        } else {
            let source = ByteSource(bytes)
            let surface = withExtendedLifetime(source) {
                cairo_image_surface_create_from_png_stream(ByteSource.read, Unmanaged.passUnretained(source).toOpaque())
            }
            guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
                if let surface { cairo_surface_destroy(surface) }
                throw DocumentError.invalidImage(key)
            }
            pointer = surface
            width = Double(cairo_image_surface_get_width(surface))
            height = Double(cairo_image_surface_get_height(surface))
        }
    }

    deinit {
        cairo_surface_destroy(pointer)
    }

    /// Feeds a PNG's bytes to cairo's reader.
    private final class ByteSource {
        private let bytes: [UInt8]
        private var offset = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        static let read: cairo_read_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            source.bytes.withUnsafeBufferPointer {
                data.update(from: $0.baseAddress! + source.offset, count: count)
            }
            source.offset += count
            return CAIRO_STATUS_SUCCESS
        }
    }
}

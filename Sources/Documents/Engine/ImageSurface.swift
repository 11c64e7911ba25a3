import CCairo
import Glibc

/// A picture ready for cairo: a PNG decoded by cairo, or a JPEG passed through to the PDF untouched.
final class ImageSurface {
    let pointer: OpaquePointer
    let width: Double
    let height: Double

    /// Larger pictures must be scaled down before they reach a document (a card photo is 358 x 441);
    /// decoding them would take hundreds of megabytes.
    static let maximumSide = 4096

    /// Decodes `bytes`; `key` names the image in errors.
    init(_ bytes: [UInt8], key: String) throws {
        let jpeg = JPEGHeader(bytes)
        guard let size = jpeg.map({ ($0.width, $0.height) }) ?? Self.pngSize(bytes) else {
            throw DocumentError.invalidImage(key)
        }
        guard size.0 <= Self.maximumSide, size.1 <= Self.maximumSide else {
            throw DocumentError.imageTooLarge(key, width: size.0, height: size.1, maximum: Self.maximumSide)
        }
        let surface: OpaquePointer?
        if jpeg != nil {
            // The pixels stay blank: the PDF takes the JPEG's own bytes (DCTDecode), attached as mime data.
            surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(size.0), Int32(size.1))
            if let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS {
                let copy = malloc(bytes.count)!
                copy.copyMemory(from: bytes, byteCount: bytes.count)
                if cairo_surface_set_mime_data(
                    surface, CAIRO_MIME_TYPE_JPEG, copy.assumingMemoryBound(to: UInt8.self), UInt(bytes.count),
                    { free($0) }, copy) != CAIRO_STATUS_SUCCESS
                {
                    free(copy)
                    cairo_surface_destroy(surface)
                    throw DocumentError.invalidImage(key)
                }
            }
        } else {
            let source = ByteSource(bytes)
            surface = withExtendedLifetime(source) {
                cairo_image_surface_create_from_png_stream(ByteSource.read, Unmanaged.passUnretained(source).toOpaque())
            }
        }
        guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            if let surface { cairo_surface_destroy(surface) }
            throw DocumentError.invalidImage(key)
        }
        pointer = surface
        width = Double(size.0)
        height = Double(size.1)
    }

    deinit {
        cairo_surface_destroy(pointer)
    }

    /// Width and height from a PNG's IHDR chunk, which the PNG signature must be followed by.
    private static func pngSize(_ bytes: [UInt8]) -> (Int, Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 24, bytes.starts(with: signature), bytes[12..<16].elementsEqual("IHDR".utf8) else {
            return nil
        }
        let number = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
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

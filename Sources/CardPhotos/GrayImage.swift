import CTurboJPEG

/// A decoded image's luminance, a byte a pixel, rows top to bottom: what the checks look at.
public struct GrayImage: Sendable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height)
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Decodes a JPEG's luminance; ``CardPhotoError/notAJPEG`` for anything TurboJPEG cannot read.
    public init(jpeg: [UInt8]) throws(CardPhotoError) {
        guard let handle = tjInitDecompress() else { throw .notAJPEG }
        defer { tjDestroy(handle) }
        var width: Int32 = 0
        var height: Int32 = 0
        var subsampling: Int32 = 0
        var colorspace: Int32 = 0
        let header = jpeg.withUnsafeBufferPointer { bytes in
            tjDecompressHeader3(
                handle, bytes.baseAddress, UInt(bytes.count), &width, &height, &subsampling, &colorspace)
        }
        guard header == 0, width > 0, height > 0, Int(width) * Int(height) <= 16_000_000 else { throw .notAJPEG }
        var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height))
        let decoded = jpeg.withUnsafeBufferPointer { bytes in
            pixels.withUnsafeMutableBufferPointer { out in
                tjDecompress2(
                    handle, bytes.baseAddress, UInt(bytes.count), out.baseAddress, width, 0, height,
                    Int32(TJPF_GRAY.rawValue), 0)
            }
        }
        guard decoded == 0 else { throw .notAJPEG }
        self.init(width: Int(width), height: Int(height), pixels: pixels)
    }

    public subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }
}

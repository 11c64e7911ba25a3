import CTurboJPEG

/// Card photos drawn in grey for the tests: a background and a head (an ellipse) over shoulders,
/// framed as a studio frames them unless told otherwise, encoded as JPEG by TurboJPEG.
public enum SyntheticPhoto {
    public static func jpeg(
        width: Int = 358, height: Int = 441, background: (Int, Int) -> UInt8 = { _, _ in 245 }, headTop: Int = 24,
        headCentre: Int = 179, headWidth: Int = 210
    ) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height)
        let radiusX = Double(headWidth) / 2
        let radiusY = radiusX * 1.3
        let centreY = Double(headTop) + radiusY
        for y in 0..<height {
            for x in 0..<width {
                let dx = (Double(x) - Double(headCentre)) / radiusX
                let dy = (Double(y) - centreY) / radiusY
                let head = dx * dx + dy * dy <= 1
                let shoulders = Double(y) > centreY + radiusY * 0.8 && abs(x - headCentre) < headWidth
                pixels[y * width + x] = head || shoulders ? 90 : background(x, y)
            }
        }
        return encode(pixels, width: width, height: height)
    }

    /// Grey pixels, a row after another, as a JPEG.
    public static func encode(_ pixels: [UInt8], width: Int, height: Int) -> [UInt8] {
        let handle = tjInitCompress()!
        defer { tjDestroy(handle) }
        var buffer: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let result = pixels.withUnsafeBufferPointer { bytes in
            tjCompress2(
                handle, bytes.baseAddress, Int32(width), 0, Int32(height), Int32(TJPF_GRAY.rawValue), &buffer, &size,
                Int32(TJSAMP_GRAY.rawValue), 90, 0)
        }
        precondition(result == 0, "TurboJPEG could not encode the test photo")
        defer { tjFree(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }
}

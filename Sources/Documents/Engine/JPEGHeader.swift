/// The dimensions a JPEG declares in its start-of-frame segment: cairo embeds JPEG bytes in the
/// PDF as they are (DCTDecode), so the photo is never decoded or recompressed, but it needs the size.
struct JPEGHeader: Hashable {
    let width: Int
    let height: Int

    /// Nil unless the bytes are a JPEG with a start-of-frame segment the PDF reader can decode.
    init?(_ bytes: [UInt8]) {
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var index = 2
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF {  // fill byte
                index += 1
                continue
            }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) {  // markers without a length
                index += 2
                continue
            }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2, index + 2 + length <= bytes.count else { return nil }
            // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard length >= 7 else { return nil }
                let height = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                let width = Int(bytes[index + 7]) << 8 | Int(bytes[index + 8])
                guard width > 0, height > 0 else { return nil }
                self.width = width
                self.height = height
                return
            }
            if marker == 0xDA { return nil }  // scan data before any frame header
            index += 2 + length
        }
        return nil
    }
}

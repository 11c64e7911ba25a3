import CQRencode
import Glibc

/// The modules of a QR code from libqrencode, error correction level M (15 %): enough for a
/// scuffed print, small enough for a receipt roll.
struct QRMatrix: Hashable {
    /// Modules per side, without the quiet zone.
    let size: Int
    /// Row by row, true for a dark module.
    let modules: [Bool]

    /// The light margin a scanner needs around the code, in modules (ISO/IEC 18004).
    static let quietZone = 4

    /// Encodes `text` in the smallest version that holds it, in the densest modes its characters
    /// allow (alphanumeric for Base45).
    init(encoding text: String) throws {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw DocumentError.qrEncodingFailed
        }
        defer { QRcode_free(code) }
        size = Int(code.pointee.width)
        // libqrencode sets bit 0 for a dark module; the other bits describe its role.
        modules = UnsafeBufferPointer(start: code.pointee.data, count: size * size).map { $0 & 1 == 1 }
    }

    func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }
}
